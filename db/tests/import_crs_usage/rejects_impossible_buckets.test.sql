-- api.import_crs_usage raises IMBAD naming '(key name)' for a bucket of the
-- right shape that names no real day, month or hour (CRS writes 00 to 23,
-- real dates only): it is malformed CRS data, not a PostgreSQL date error.
begin;
select plan(5);

select throws_ok($$select api.import_crs_usage('usage:model:daily:gpt-5:2025-02-30', '{"requests": "1"}', '2025-09-16T04:00:00Z')$$,
  'IMBAD', null, 'a daily per-model key of 2025-02-30 raises IMBAD');
select throws_ok($$select api.import_crs_usage('usage:model:monthly:gpt-5:2025-13', '{"requests": "1"}', '2025-09-16T04:00:00Z')$$,
  'IMBAD', null, 'a monthly per-model key of 2025-13 raises IMBAD');
select throws_ok($$select api.import_crs_usage('usage:model:hourly:gpt-5:2025-09-16:25', '{"requests": "1"}', '2025-09-16T04:00:00Z')$$,
  'IMBAD', null, 'an hourly per-model key of hour 25 raises IMBAD');
select throws_ok($$select api.import_crs_usage('usage:model:hourly:gpt-5:2025-09-16:24', '{"requests": "1"}', '2025-09-16T04:00:00Z')$$,
  'IMBAD', null, 'an hourly per-model key of hour 24 raises IMBAD (not read as the next midnight)');
select throws_ok($$select api.import_crs_usage('usage:daily:00000000-0000-4000-8000-0000000000a1:2025-02-30', '{"requests": "1"}',
  '2025-09-16T04:00:00Z')$$, 'IMBAD', null, 'a key''s day 2025-02-30 raises IMBAD');

select * from finish();
rollback;
