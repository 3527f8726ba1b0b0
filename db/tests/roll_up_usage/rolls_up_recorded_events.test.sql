-- api.roll_up_usage adds recorded events to the rollups: per scope (the key,
-- the account when there is one, and 'all' with scope_id '') and normalised
-- model, in hourly (UTC hour), daily and monthly (local to the usage time
-- zone, Asia/Shanghai) buckets; it returns ran = true and the number of
-- events, and keeps its snapshot as the watermark.
--
-- The watermark is the last run's snapshot: a run takes the events of the
-- transactions its own snapshot sees as committed and the last one did not.
-- Inside this test's transaction (still running), events recorded here carry
-- its own xid, which no snapshot of its own sees as committed, so a run would
-- not take them (roll_up_usage/events_of_a_running_transaction_wait.test.sql
-- checks exactly that). To test the roll-up itself, the events are recorded
-- through api.record_usage and then given, as the superuser, a recorded_xid
-- ('2') that every snapshot sees as committed, as if an ended transaction had
-- recorded them, and the watermark is reset to the snapshot '1:1:' (which
-- sees nothing).
begin;
select plan(6);

select api.record_usage($$[
  {"requestId": "r1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "accountId": "00000000-0000-4000-8000-0000000000c1",
   "accountKind": "claude-official", "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-15T17:30:00Z",
   "inputTokens": 1, "outputTokens": 10, "cacheCreationTokens": 100, "cacheCreation5mTokens": 60,
   "cacheCreation1hTokens": 40, "cacheReadTokens": 1000},
  {"requestId": "r2", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "accountId": "00000000-0000-4000-8000-0000000000c1",
   "accountKind": "claude-official", "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-15T17:45:00Z",
   "inputTokens": 2},
  {"requestId": "r3", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "accountId": "00000000-0000-4000-8000-0000000000c1",
   "accountKind": "claude-official", "model": "claude-opus-4-1-20250805", "occurredAt": "2025-09-15T17:50:00Z",
   "inputTokens": 4},
  {"requestId": "r4", "apiKeyId": "00000000-0000-4000-8000-0000000000a2",
   "model": "us.anthropic.claude-sonnet-4-20250514-v1:0", "occurredAt": "2025-09-30T16:30:00Z", "inputTokens": 8}
]$$);
update relaypg.usage_events set recorded_xid = '2';
update relaypg.usage_rollup_watermark set snapshot = '1:1:', rolled_at = null;

select is((select row(ran, events)::text from api.roll_up_usage()), row(true, 4::bigint)::text,
  'the run reports ran = true and the four events');

-- The expected rows of every grain; bucket 1 holds r1..r3, bucket 2 holds r4.
create temp table expected (b integer, scope text, scope_id text, model text, requests bigint, input_tokens bigint) on commit drop;
insert into expected values
  (1, 'account', '00000000-0000-4000-8000-0000000000c1', 'claude-opus-4-1-20250805', 1, 4),
  (1, 'account', '00000000-0000-4000-8000-0000000000c1', 'claude-sonnet-4-20250514', 2, 3),
  (1, 'all', '', 'claude-opus-4-1-20250805', 1, 4),
  (1, 'all', '', 'claude-sonnet-4-20250514', 2, 3),
  (1, 'key', '00000000-0000-4000-8000-0000000000a1', 'claude-opus-4-1-20250805', 1, 4),
  (1, 'key', '00000000-0000-4000-8000-0000000000a1', 'claude-sonnet-4-20250514', 2, 3),
  (2, 'all', '', 'claude-sonnet-4-20250514', 1, 8),
  (2, 'key', '00000000-0000-4000-8000-0000000000a2', 'claude-sonnet-4-20250514', 1, 8);

select results_eq(
  $$select bucket, scope, scope_id, model, requests, input_tokens from relaypg.usage_rollups_hourly order by 1, 2, 3, 4$$,
  $$select case b when 1 then '2025-09-15T17:00:00Z'::timestamptz else '2025-09-30T16:00:00Z' end, scope, scope_id, model,
           requests, input_tokens from expected order by 1, 2, 3, 4$$,
  'hourly: UTC hours, per key, account (r4 has none) and all, per normalised model');
select results_eq(
  $$select bucket, scope, scope_id, model, requests, input_tokens from relaypg.usage_rollups_daily order by 1, 2, 3, 4$$,
  $$select case b when 1 then '2025-09-16'::date else '2025-10-01' end, scope, scope_id, model, requests, input_tokens
      from expected order by 1, 2, 3, 4$$,
  'daily: local days in Asia/Shanghai (17:30Z is the 16th, 2025-09-30T16:30Z is October 1st)');
select results_eq(
  $$select bucket, scope, scope_id, model, requests, input_tokens from relaypg.usage_rollups_monthly order by 1, 2, 3, 4$$,
  $$select case b when 1 then '2025-09-01'::date else '2025-10-01' end, scope, scope_id, model, requests, input_tokens
      from expected order by 1, 2, 3, 4$$,
  'monthly: local months (their first day)');

select is(
  (select array_agg(x order by g) from (
     select 1 as g, row(sum(output_tokens), sum(cache_create_tokens), sum(cache_create_5m_tokens), sum(cache_create_1h_tokens),
                        sum(cache_read_tokens), sum(long_context_requests), sum(cost))::text as x
       from relaypg.usage_rollups_hourly where scope = 'all'
     union all
     select 2, row(sum(output_tokens), sum(cache_create_tokens), sum(cache_create_5m_tokens), sum(cache_create_1h_tokens),
                   sum(cache_read_tokens), sum(long_context_requests), sum(cost))::text
       from relaypg.usage_rollups_daily where scope = 'all'
     union all
     select 3, row(sum(output_tokens), sum(cache_create_tokens), sum(cache_create_5m_tokens), sum(cache_create_1h_tokens),
                   sum(cache_read_tokens), sum(long_context_requests), sum(cost))::text
       from relaypg.usage_rollups_monthly where scope = 'all') s),
  (select array_fill(row(sum(output_tokens), sum(cache_create_tokens), sum(cache_create_5m_tokens), sum(cache_create_1h_tokens),
                         sum(cache_read_tokens), count(*) filter (where long_context), sum(cost_total))::text, array[3])
     from relaypg.usage_events),
  'every grain''s all scope adds up to the events'' tokens (each class) and cost');

select ok((select pg_visible_in_snapshot('2', w.snapshot) and not pg_visible_in_snapshot(pg_current_xact_id(), w.snapshot)
                  and w.rolled_at = now()
             from relaypg.usage_rollup_watermark w),
  'the watermark''s snapshot sees the rolled-up events, not this running transaction');

select * from finish();
rollback;
