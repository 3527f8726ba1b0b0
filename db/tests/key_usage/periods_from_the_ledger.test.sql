-- api.key_usage reads a key's ledger for the local day of p_at in the usage
-- time zone (Asia/Shanghai): today, this ISO week (Monday to Sunday, across
-- a month's end too) and this month (local month boundaries), whole days
-- each. Each event below carries a distinct power of two as its input
-- tokens, so a sum tells which events a period holds.
begin;
select plan(6);

create function pg_temp.record(p_tokens integer, p_at text) returns void language sql
begin atomic
  select api.record_usage(jsonb_build_array(jsonb_build_object('requestId', 'k-' || p_tokens,
    'apiKeyId', '00000000-0000-4000-8000-0000000000a1', 'model', 'claude-sonnet-4-20250514',
    'occurredAt', p_at, 'inputTokens', p_tokens)));
end;
select pg_temp.record(1, '2025-08-31T03:00:00Z');     -- local Sun 08-31
select pg_temp.record(2, '2025-08-31T16:30:00Z');     -- local Mon 09-01 00:30 (August in UTC)
select pg_temp.record(4, '2025-09-14T03:00:00Z');     -- local Sun 09-14
select pg_temp.record(8, '2025-09-14T16:10:00Z');     -- local Mon 09-15 00:10
select pg_temp.record(16, '2025-09-17T01:00:00Z');    -- local Wed 09-17 09:00
select pg_temp.record(512, '2025-09-17T15:00:00Z');   -- local Wed 09-17 23:00
select pg_temp.record(32, '2025-09-21T15:59:00Z');    -- local Sun 09-21 23:59
select pg_temp.record(64, '2025-09-21T16:00:00Z');    -- local Mon 09-22 00:00
select pg_temp.record(128, '2025-09-30T15:00:00Z');   -- local Tue 09-30 23:00
select pg_temp.record(256, '2025-09-30T16:30:00Z');   -- local Wed 10-01 00:30 (September in UTC)

-- Wednesday 2025-09-17, 12:00 local.
select results_eq(
  $$select period, requests, input_tokens from api.key_usage('00000000-0000-4000-8000-0000000000a1', '2025-09-17T04:00:00Z')
     where period <> 'total' order by period$$,
  $$values ('month'::text, 8::bigint, 766::bigint), ('today', 2, 528), ('week', 4, 568)$$,
  'today is the whole local day; the week runs Monday 09-15 to Sunday 09-21; the month is local September');
select is((select input_tokens from api.key_usage('00000000-0000-4000-8000-0000000000a1', '2025-09-21T04:00:00Z')
            where period = 'week'), 568::bigint,
  'on Sunday 09-21 the week is still the one that began on Monday 09-15 (Monday first)');
select is((select input_tokens from api.key_usage('00000000-0000-4000-8000-0000000000a1', '2025-09-21T16:30:00Z')
            where period = 'week'), 64::bigint,
  'at 2025-09-21T16:30Z it is Monday 09-22 locally: a new week');
select results_eq(
  $$select period, input_tokens from api.key_usage('00000000-0000-4000-8000-0000000000a1', '2025-10-01T04:00:00Z')
     where period in ('week', 'month') order by period$$,
  $$values ('month'::text, 256::bigint), ('week', 384)$$,
  'on Wednesday 10-01 the month is local October and the week spans its start (09-29 to 10-05)');

select api.record_usage($$[{"requestId": "k-full", "apiKeyId": "00000000-0000-4000-8000-0000000000a2",
  "accountKind": "claude-official", "model": "claude-opus-4-1-20250805", "occurredAt": "2025-09-17T01:00:00Z",
  "inputTokens": 1, "outputTokens": 10, "cacheCreationTokens": 100, "cacheCreation5mTokens": 60, "cacheCreation1hTokens": 40,
  "cacheReadTokens": 1000}]$$);
select is(
  (select row(k.requests, k.input_tokens, k.output_tokens, k.cache_create_tokens, k.cache_create_5m_tokens,
              k.cache_create_1h_tokens, k.cache_read_tokens, k.all_tokens, k.long_context_requests, k.cost, k.opus_cost)
     from api.key_usage('00000000-0000-4000-8000-0000000000a2', '2025-09-17T04:00:00Z') k where k.period = 'today'),
  (select row(1::bigint, 1::bigint, 10::bigint, 100::bigint, 60::bigint, 40::bigint, 1000::bigint, 1111::bigint, 0::bigint,
              e.cost_total, e.cost_total)
     from relaypg.usage_events e where e.request_id = 'k-full'),
  'every figure is given: token classes, all_tokens (input + output + cache writes + cache reads), cost and Opus cost');
select is((select count(*) from api.key_usage('00000000-0000-4000-8000-0000000000a1', '2025-09-17T04:00:00Z')), 4::bigint,
  'one row per period: total, today, week, month');

select * from finish();
rollback;
