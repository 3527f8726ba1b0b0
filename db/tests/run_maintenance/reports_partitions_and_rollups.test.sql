-- api.run_maintenance also keeps the usage partitions and rolls usage up,
-- reporting partitions_created, partitions_dropped and events_rolled_up.
-- Set-up: partitions are first brought up to date, then one premade
-- partition is removed (to be created again) and one long past retention is
-- added (to be dropped); two events are given an ended transaction's
-- recorded_xid (this test's own transaction is still running: see
-- roll_up_usage/rolls_up_recorded_events.test.sql).
begin;
select plan(3);

set local timezone = 'UTC';
select api.maintain_partitions();
create temp table premade on commit drop as
  select 'usage_events_p' || to_char(date_trunc('month', now()) + interval '2 months', 'YYYY_MM') as name;
do $$ begin execute format('drop table relaypg.%I', (select name from premade)); end $$;
select relaypg.create_partition('usage_events', '2020-01-01T00:00:00Z');

select api.record_usage($$[
  {"requestId": "m1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-09-15T17:30:00Z", "inputTokens": 1},
  {"requestId": "m2", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-09-15T17:40:00Z", "inputTokens": 2}
]$$);
update relaypg.usage_events set recorded_xid = '2';
update relaypg.usage_rollup_watermark set snapshot = '1:1:';

select is((select row(ran, partitions_created, partitions_dropped, events_rolled_up)::text from api.run_maintenance()),
  row(true, 1::bigint, 1::bigint, 2::bigint)::text,
  'the run reports one partition created, one dropped and two events rolled up');
select ok(to_regclass('relaypg.' || (select name from premade)) is not null and to_regclass('relaypg.usage_events_p2020_01') is null,
  'the premade partition is back and the old one is gone');
select is((select sum(requests) from relaypg.usage_rollups_monthly where scope = 'all'), 2::numeric,
  'the two events are in the rollups');

select * from finish();
rollback;
