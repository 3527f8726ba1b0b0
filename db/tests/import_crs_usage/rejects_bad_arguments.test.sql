-- api.import_crs_usage raises RVINV (cut_off) for a cut-off that is null or
-- in the future, and RVINV (value) for a value that is not a JSON object (a
-- CRS string is passed as {"value": ...}). Nothing is stored.
begin;
select plan(8);

select throws_ok($$select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1', '{"totalRequests": "1"}',
  now() + interval '1 second')$$, 'RVINV', null, 'a cut-off in the future raises RVINV');
select is(tests.error_column($$select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1', '{"totalRequests": "1"}',
  now() + interval '1 day')$$), 'cut_off', 'naming cut_off');
select throws_ok($$select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1', '{"totalRequests": "1"}', null)$$,
  'RVINV', null, 'a null cut-off raises RVINV');
select is(tests.error_column($$select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1', '{"totalRequests": "1"}',
  null)$$), 'cut_off', 'naming cut_off');

select throws_ok($$select api.import_crs_usage('usage:cost:total:00000000-0000-4000-8000-0000000000a1', '"1.23"', '2025-09-16T04:00:00Z')$$,
  'RVINV', null, 'a bare JSON string value raises RVINV');
select is(tests.error_column($$select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1', '[]', '2025-09-16T04:00:00Z')$$),
  'value', 'an array names value');
select is(tests.error_column($$select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1', null, '2025-09-16T04:00:00Z')$$),
  'value', 'so does a null value');

select is((select count(*) from relaypg.crs_usage_imports) + (select count(*) from relaypg.api_key_usage), 0::bigint,
  'nothing was stored');

select * from finish();
rollback;
