-- api.import_crs_usage reads the hour of a CRS hourly per-model hash
-- ({YYYY-MM-DD:HH}, a local hour) in relaypg.usage_settings.time_zone and
-- stores it as the UTC instant the hourly rollups are bucketed on: in
-- Asia/Shanghai 2025-09-16:11 is 2025-09-16 03:00 UTC, 2025-09-16:00 is
-- 2025-09-15 16:00 UTC; once the zone is UTC, 2025-09-16:11 is 11:00 UTC.
-- Daily and monthly buckets are local dates and are kept as they are.
begin;
select plan(4);

select is(relaypg.usage_time_zone(), 'Asia/Shanghai', 'the usage time zone starts as Asia/Shanghai');

select api.import_crs_usage('usage:model:hourly:claude-sonnet-4-20250514:2025-09-16:11', '{"requests": "1"}', '2025-09-16T04:00:00Z');
select api.import_crs_usage('usage:model:hourly:claude-sonnet-4-20250514:2025-09-16:00', '{"requests": "2"}', '2025-09-16T04:00:00Z');
select results_eq(
  $$select bucket, requests from relaypg.usage_rollups_hourly order by bucket$$,
  $$values ('2025-09-15T16:00:00Z'::timestamptz, 2::bigint), ('2025-09-16T03:00:00Z', 1)$$,
  'in Asia/Shanghai, 2025-09-16:11 is 03:00 UTC and 2025-09-16:00 is 16:00 UTC the day before');

select api.set_usage_time_zone('UTC');
select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1:model:hourly:claude-sonnet-4-20250514:2025-09-16:11',
  '{"requests": "4"}', '2025-09-16T04:00:00Z');
select is((select bucket from relaypg.usage_rollups_hourly where scope = 'key'), '2025-09-16T11:00:00Z'::timestamptz,
  'once the usage time zone is UTC, 2025-09-16:11 is 11:00 UTC');

select api.import_crs_usage('usage:model:daily:claude-sonnet-4-20250514:2025-09-16', '{"requests": "8"}', '2025-09-16T04:00:00Z');
select is((select bucket from relaypg.usage_rollups_daily), '2025-09-16'::date, 'a daily bucket is the local date as CRS named it');

select * from finish();
rollback;
