-- api.roll_up_usage counts each event once: a second run finds nothing new
-- (events = 0) and leaves the rollups as they are. (As in
-- rolls_up_recorded_events.test.sql, the events are given a recorded_xid of
-- an ended transaction, since this test's own transaction is still running.)
begin;
select plan(3);

select api.record_usage($$[
  {"requestId": "s1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-09-15T17:30:00Z", "inputTokens": 1},
  {"requestId": "s2", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-09-15T17:40:00Z", "inputTokens": 2}
]$$);
update relaypg.usage_events set recorded_xid = '2';
update relaypg.usage_rollup_watermark set snapshot = '1:1:';

create function pg_temp.rolled() returns text language sql volatile
return (select row((select array_agg(row(h.*)::text order by h.scope) from relaypg.usage_rollups_hourly h),
                   (select array_agg(row(d.*)::text order by d.scope) from relaypg.usage_rollups_daily d),
                   (select array_agg(row(m.*)::text order by m.scope) from relaypg.usage_rollups_monthly m))::text);

select is((select events from api.roll_up_usage()), 2::bigint, 'the first run takes the two events');
create temp table first_run on commit drop as select pg_temp.rolled() as rolled;

select is((select row(ran, events)::text from api.roll_up_usage()), row(true, 0::bigint)::text,
  'a second run finds nothing new');
select is(pg_temp.rolled(), (select rolled from first_run), 'the rollups are unchanged');

select * from finish();
rollback;
