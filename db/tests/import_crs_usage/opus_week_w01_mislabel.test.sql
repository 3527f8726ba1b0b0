-- CRS labels a week with the calendar year of its local date (redis-model 4):
-- local Monday 2025-12-29 is ISO week 2026-W01 but CRS writes
-- usage:opus:weekly:{keyId}:2025-W01. api.import_crs_usage puts that cost on
-- the ISO week it was spent in, 2026-W01: the day row of Monday 2025-12-29
-- (as the migration's comment says), not on Monday 2024-12-30.
begin;
select plan(2);

select is(api.import_crs_usage('usage:opus:weekly:00000000-0000-4000-8000-0000000000a1:2025-W01', '{"value": "7.25"}',
  '2025-12-30T04:00:00Z'),
  (null, 'inserted', '{}')::api.import_result, 'the mislabelled week is inserted');
select is(
  (select array_agg(day || '=' || opus_cost) from relaypg.api_key_daily_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  array['2025-12-29=7.25'],
  'CRS''s 2025-W01 of local 2025-12-29 lands on ISO week 2026-W01, Monday 2025-12-29');

select * from finish();
rollback;
