-- api.import_crs_usage raises IMBAD naming '(key name)' for a per-model hash
-- whose bucket does not fit its grain (daily YYYY-MM-DD, monthly YYYY-MM,
-- hourly YYYY-MM-DD:HH): a month in a daily key, a day in a monthly key, a
-- day or a month in an hourly key. Nothing is stored.
begin;
select plan(7);

select throws_ok($$select api.import_crs_usage('usage:model:daily:gpt-5:2025-09', '{"requests": "1"}', '2025-09-16T04:00:00Z')$$,
  'IMBAD', null, 'a month in a daily key raises IMBAD');
select is(tests.error_column($$select api.import_crs_usage('usage:model:daily:gpt-5:2025-09', '{"requests": "1"}',
  '2025-09-16T04:00:00Z')$$), '(key name)', 'naming the key name');
select is(tests.error_column($$select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1:model:daily:gpt-5:2025-09-16:11',
  '{"requests": "1"}', '2025-09-16T04:00:00Z')$$), '(key name)', 'an hour in a daily key names the key name');
select is(tests.error_column($$select api.import_crs_usage('account_usage:model:monthly:00000000-0000-4000-8000-0000000000b1:gpt-5:2025-09-16',
  '{"requests": "1"}', '2025-09-16T04:00:00Z')$$), '(key name)', 'a day in a monthly key names the key name');
select throws_ok($$select api.import_crs_usage('usage:model:hourly:gpt-5:2025-09-16', '{"requests": "1"}', '2025-09-16T04:00:00Z')$$,
  'IMBAD', null, 'a day in an hourly key raises IMBAD');
select throws_ok($$select api.import_crs_usage('usage:model:hourly:gpt-5:2025-09', '{"requests": "1"}', '2025-09-16T04:00:00Z')$$,
  'IMBAD', null, 'a month in an hourly key raises IMBAD');

select is((select count(*) from relaypg.crs_usage_imports), 0::bigint, 'nothing was stored');

select * from finish();
rollback;
