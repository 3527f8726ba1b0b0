-- api.roll_up_usage cuts daily and monthly buckets in the usage time zone
-- in force when it runs; hourly buckets are UTC hours whatever the zone.
-- (Events given an ended transaction's recorded_xid: see
-- rolls_up_recorded_events.test.sql.)
begin;
select plan(3);

select api.record_usage($$[{"requestId": "tz1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-30T16:30:00Z", "inputTokens": 1}]$$);
update relaypg.usage_events set recorded_xid = '2';
update relaypg.usage_rollup_watermark set snapshot = '1:1:';
select api.set_usage_time_zone('America/Los_Angeles');
select api.roll_up_usage();

select is((select array_agg(distinct bucket) from relaypg.usage_rollups_hourly), array['2025-09-30T16:00:00Z'::timestamptz],
  'the hourly bucket is the UTC hour');
select is((select array_agg(distinct bucket) from relaypg.usage_rollups_daily), array['2025-09-30'::date],
  'the daily bucket is the day in America/Los_Angeles (09:30 local)');
select is((select array_agg(distinct bucket) from relaypg.usage_rollups_monthly), array['2025-09-01'::date],
  'the monthly bucket is the month there');

select * from finish();
rollback;
