-- api.create_api_key raises RVINV naming an unknown field (e.g. CRS
-- camelCase or a read-only column).
begin;
select plan(4);

select throws_ok($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "k1", "tokenLimit": 5}')$$,
  'RVINV', null, 'an unknown field raises RVINV');
select is(tests.error_column($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "k1", "tokenLimit": 5}')$$),
  'tokenLimit', 'the error names the unknown field');
select is(tests.error_column($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "k1", "auth_version": 9}')$$),
  'auth_version', 'auth_version cannot be set');
select is(tests.error_column($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "k1", "is_activated": false}')$$),
  'is_activated', 'is_activated cannot be set');

select * from finish();
rollback;
