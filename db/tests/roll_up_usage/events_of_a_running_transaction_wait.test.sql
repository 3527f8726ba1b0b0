-- api.roll_up_usage never takes the events of a transaction that is still
-- running: its snapshot does not see their recorded_xid (the recording
-- transaction's id) as committed. Here the test's own transaction records
-- them, so the run adds nothing, and the snapshot kept as the watermark does
-- not see this transaction either, so the first run after it commits takes them.
begin;
select plan(4);

select api.record_usage($$[
  {"requestId": "w1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-09-15T17:30:00Z", "inputTokens": 1},
  {"requestId": "w2", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-09-15T17:40:00Z", "inputTokens": 2}
]$$);

select is((select array_agg(distinct recorded_xid::text) from relaypg.usage_events), array[pg_current_xact_id()::text],
  'the events carry the id of the transaction that recorded them');
select is((select row(ran, events)::text from api.roll_up_usage()), row(true, 0::bigint)::text,
  'the run takes none of them');
select is((select count(*) from relaypg.usage_rollups_hourly) + (select count(*) from relaypg.usage_rollups_daily)
            + (select count(*) from relaypg.usage_rollups_monthly), 0::bigint,
  'no rollup row is written');
select ok((select not pg_visible_in_snapshot(pg_current_xact_id(), snapshot) from relaypg.usage_rollup_watermark),
  'the watermark''s snapshot does not see the running transaction (the next run after commit takes its events)');

select * from finish();
rollback;
