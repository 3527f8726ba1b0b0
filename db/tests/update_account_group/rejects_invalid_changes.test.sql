-- api.update_account_group raises GRNFD for an unknown group and RVINV naming
-- the bad field; a refused update changes nothing.
begin;
select plan(8);

select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);

select throws_ok($$select api.update_account_group('00000000-0000-4000-8000-000000000000', '{"name": "x"}')$$,
  'GRNFD', null, 'an unknown id raises GRNFD');
select throws_ok($$select api.update_account_group(null, '{}')$$,
  'GRNFD', null, 'a null id raises GRNFD');
select throws_ok(format($$select api.update_account_group(%L, '{"name": ""}')$$, current_setting('tests.group_id')),
  'RVINV', null, 'a blank name raises RVINV');
select is(tests.error_column(format($$select api.update_account_group(%L, '{"name": " "}')$$, current_setting('tests.group_id'))),
  'name', 'a blank name names name');
select is(tests.error_column(format($$select api.update_account_group(%L, '{"platform": "bedrock"}')$$, current_setting('tests.group_id'))),
  'platform', 'an unknown platform names platform');
select is(tests.error_column(format($$select api.update_account_group(%L, '{"id": "x"}')$$, current_setting('tests.group_id'))),
  'id', 'an unknown field is named');
select is(tests.error_column(format($$select api.update_account_group(%L, '"g"')$$, current_setting('tests.group_id'))),
  'settings', 'non-object changes name settings');
select is((select row(g.name, g.platform, g.description) from relaypg.account_groups g)::text,
  row('g', 'claude', '')::text, 'the refused updates changed nothing');

select * from finish();
rollback;
