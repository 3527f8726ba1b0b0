-- api.create_account_group raises RVINV naming the bad field (COLUMN) and
-- stores nothing: name and platform are required, platform is one of claude,
-- gemini, openai, unknown fields are refused.
begin;
select plan(15);

select throws_ok($$select api.create_account_group('{"platform": "claude"}')$$,
  'RVINV', null, 'a missing name raises RVINV');
select is(tests.error_column($$select api.create_account_group('{"platform": "claude"}')$$), 'name', 'a missing name names name');
select is(tests.error_column($$select api.create_account_group(null)$$), 'name', 'null settings name name');
select is(tests.error_column($$select api.create_account_group('["g"]')$$), 'name', 'non-object settings name name');
select is(tests.error_column($$select api.create_account_group('{"name": "g"}')$$), 'platform', 'a missing platform names platform');
select is(tests.error_column($$select api.create_account_group('{"name": "   ", "platform": "claude"}')$$), 'name',
  'a blank name names name');
select is(tests.error_column($$select api.create_account_group('{"name": 7, "platform": "claude"}')$$), 'name',
  'a non-string name names name');
select is(tests.error_column(format('select api.create_account_group(%L)',
    jsonb_build_object('name', repeat('n', 201), 'platform', 'claude'))), 'name', 'a name over 200 characters names name');
select is(tests.error_column($$select api.create_account_group('{"name": "g", "platform": "azure-openai"}')$$), 'platform',
  'azure-openai is not a group platform');
select is(tests.error_column($$select api.create_account_group('{"name": "g", "platform": "bedrock"}')$$), 'platform',
  'an account kind is not a group platform');
select is(tests.error_column($$select api.create_account_group('{"name": "g", "platform": null}')$$), 'platform',
  'a null platform names platform');
select is(tests.error_column(format('select api.create_account_group(%L)',
    jsonb_build_object('name', 'g', 'platform', 'claude', 'description', repeat('d', 2001)))), 'description',
  'a description over 2000 characters names description');
select is(tests.error_column($$select api.create_account_group('{"name": "g", "platform": "claude", "members": []}')$$), 'members',
  'an unknown field is named');
select throws_ok($$select api.create_account_group('{"name": "g", "platform": "claude", "members": []}')$$,
  'RVINV', null, 'an unknown field raises RVINV');
select is((select count(*) from relaypg.account_groups), 0::bigint, 'nothing was stored');

select * from finish();
rollback;
