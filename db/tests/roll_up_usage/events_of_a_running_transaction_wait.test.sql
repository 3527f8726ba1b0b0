-- api.roll_up_usage never takes the events of a transaction its snapshot
-- does not see as committed (one still running, or one that began after
-- it), and its snapshot, kept as the watermark, does not see it either: the
-- first run after that transaction commits takes its events. Such a
-- transaction is stood for by a recorded_xid far above any id issued yet
-- (the test's own transaction cannot play it: a snapshot never lists its own
-- transaction as running, so once any other transaction commits it looks
-- committed to its own roll-up, which counts its events with it).
begin;
select plan(4);

select api.record_usage($$[
  {"requestId": "w1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-09-15T17:30:00Z", "inputTokens": 1},
  {"requestId": "w2", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-09-15T17:40:00Z", "inputTokens": 2}
]$$);
update relaypg.usage_events set recorded_xid = (pg_current_xact_id()::text::numeric + 1000000)::text::xid8;

select ok((select bool_and(not pg_visible_in_snapshot(recorded_xid, pg_current_snapshot())) from relaypg.usage_events),
  'premise: no snapshot here sees the recording transaction as committed');
select is((select row(ran, events)::text from api.roll_up_usage()), row(true, 0::bigint)::text,
  'the run takes none of its events');
select is((select count(*) from relaypg.usage_rollups_hourly) + (select count(*) from relaypg.usage_rollups_daily)
            + (select count(*) from relaypg.usage_rollups_monthly), 0::bigint,
  'no rollup row is written');
select ok((select bool_and(not pg_visible_in_snapshot(e.recorded_xid, w.snapshot))
             from relaypg.usage_events e cross join relaypg.usage_rollup_watermark w),
  'the watermark''s snapshot does not see that transaction (the run after it commits takes its events)');

select * from finish();
rollback;
