-- api.create_api_key requires a non-blank name of at most 200 characters
-- (RVINV name).
begin;
select plan(6);

select throws_ok($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{}')$$,
  'RVINV', null, 'settings without a name raise RVINV');
select is(tests.error_column($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"tags": []}')$$),
  'name', 'the error names name');
select is(tests.error_column($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', null)$$),
  'name', 'null settings are refused for want of a name');
select is(tests.error_column($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "  "}')$$),
  'name', 'a blank name is refused');
select is(tests.error_column($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', jsonb_build_object('name', repeat('x', 201)))$$),
  'name', 'a 201-character name is refused');
select lives_ok($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', jsonb_build_object('name', repeat('x', 200)))$$,
  'a 200-character name is accepted');

select * from finish();
rollback;
