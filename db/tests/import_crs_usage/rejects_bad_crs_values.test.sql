-- api.import_crs_usage raises IMBAD naming the CRS field (COLUMN) for a
-- counter that is not a whole number (e.g. "requests": "abc", a negative or
-- a fraction) and for a cost that is not a non-negative decimal. Nothing is
-- stored.
begin;
select plan(8);

select throws_ok($$select api.import_crs_usage('usage:daily:00000000-0000-4000-8000-0000000000a1:2025-09-16',
  '{"requests": "abc"}', '2025-09-16T04:00:00Z')$$, 'IMBAD', null, 'a counter "abc" raises IMBAD');
select is(tests.error_column($$select api.import_crs_usage('usage:daily:00000000-0000-4000-8000-0000000000a1:2025-09-16',
  '{"requests": "abc"}', '2025-09-16T04:00:00Z')$$), 'requests', 'naming the CRS field requests');
select is(tests.error_column($$select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1',
  '{"totalRequests": "3", "totalInputTokens": "-5"}', '2025-09-16T04:00:00Z')$$), 'totalInputTokens',
  'a negative total names its total* field');
select is(tests.error_column($$select api.import_crs_usage('usage:model:monthly:gpt-5:2025-09',
  '{"ephemeral5mTokens": "1.5"}', '2025-09-16T04:00:00Z')$$), 'ephemeral5mTokens',
  'a fraction in a per-model hash names its field');
select is(tests.error_column($$select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1',
  '{"totalTokens": "lots"}', '2025-09-16T04:00:00Z')$$), 'totalTokens',
  'a legacy token total that is not a number names totalTokens');

select throws_ok($$select api.import_crs_usage('usage:cost:total:00000000-0000-4000-8000-0000000000a1',
  '{"value": "NaN"}', '2025-09-16T04:00:00Z')$$, 'IMBAD', null, 'a cost NaN raises IMBAD');
select is(tests.error_column($$select api.import_crs_usage('usage:opus:weekly:00000000-0000-4000-8000-0000000000a1:2025-W38',
  '{"value": "-0.5"}', '2025-09-16T04:00:00Z')$$), 'value', 'a negative Opus cost names value');

select is((select count(*) from relaypg.crs_usage_imports) + (select count(*) from relaypg.api_key_usage)
          + (select count(*) from relaypg.api_key_daily_usage), 0::bigint, 'nothing was stored');

select * from finish();
rollback;
