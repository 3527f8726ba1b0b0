-- api.roll_up_usage after a dump was restored into another cluster (the
-- watermark's cluster_id is not this cluster's): the events' transaction ids
-- are the old cluster's, so they are re-based. Events the watermark had
-- counted (seen by its snapshot and recorded before its run) are not counted
-- again; every other event (pending at the dump, or recorded since) is.
begin;
select plan(4);

select api.record_usage($$[
  {"requestId": "old", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514", "inputTokens": 1},
  {"requestId": "pending", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514", "inputTokens": 2},
  {"requestId": "new", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514", "inputTokens": 4}
]$$);
-- The old cluster: 'old' was counted by its last run at 10:00 (xid 50 < its
-- xmin 100); 'pending' (xid 120) was running then. 'new' came after the
-- restore with a small id of this cluster (xid 7), which the old snapshot
-- would wrongly take as counted.
update relaypg.usage_events set recorded_xid = '50', recorded_at = '2026-01-01T09:00:00Z' where request_id = 'old';
update relaypg.usage_events set recorded_xid = '120', recorded_at = '2026-01-01T09:59:00Z' where request_id = 'pending';
update relaypg.usage_events set recorded_xid = '7', recorded_at = '2026-01-01T11:00:00Z' where request_id = 'new';
update relaypg.usage_rollup_watermark set snapshot = '100:130:120', rolled_at = '2026-01-01T10:00:00Z', cluster_id = 42;

select is((select events from api.roll_up_usage()), 2::bigint, 'the pending and the new event are counted, the counted one not again');
select is((select sum(input_tokens) from relaypg.usage_rollups_daily where scope = 'all'), 6::numeric, 'their tokens (2 + 4) are in the rollups');
select is((select cluster_id from relaypg.usage_rollup_watermark), (pg_control_system()).system_identifier,
  'the watermark now belongs to this cluster');
select is((select events from api.roll_up_usage()), 0::bigint, 'the next run counts nothing again');

select * from finish();
rollback;
