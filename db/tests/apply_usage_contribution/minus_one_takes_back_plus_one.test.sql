-- relaypg.apply_usage_contribution with p_sign = -1 takes back exactly what
-- the same contribution added with p_sign = 1: every ledger and rollup row is
-- again what it was (figures relaypg recorded itself stay), and a row the
-- contribution created is left holding zeros.
begin;
select plan(3);

-- What relaypg holds already: a recorded event, and rollup rows.
select api.record_usage($$[{"requestId": "seen", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-16T03:30:00Z", "inputTokens": 100, "outputTokens": 20,
  "cacheCreationTokens": 30, "cacheCreation5mTokens": 10, "cacheCreation1hTokens": 20, "cacheReadTokens": 40}]$$);
insert into relaypg.usage_rollups_hourly values
  ('2025-09-16T03:00:00Z', 'key', '00000000-0000-4000-8000-0000000000a1', 'claude-sonnet-4-20250514', 1, 100, 20, 30, 10, 20, 40, 0, 0.01);
insert into relaypg.usage_rollups_daily values
  ('2025-09-16', 'account', '00000000-0000-4000-8000-0000000000b1', 'claude-sonnet-4-20250514', 1, 100, 20, 30, 10, 20, 40, 0, 0.01);
insert into relaypg.usage_rollups_monthly values
  ('2025-09-01', 'all', '', 'claude-sonnet-4-20250514', 1, 100, 20, 30, 10, 20, 40, 0, 0.01);

create function pg_temp.state() returns jsonb language sql
begin atomic
  select jsonb_build_array(
    (select jsonb_agg(to_jsonb(u) order by u.api_key_id) from relaypg.api_key_usage u),
    (select jsonb_agg(to_jsonb(d) order by d.api_key_id, d.day) from relaypg.api_key_daily_usage d),
    (select jsonb_agg(to_jsonb(h) order by h.scope, h.scope_id, h.bucket, h.model) from relaypg.usage_rollups_hourly h),
    (select jsonb_agg(to_jsonb(r) order by r.scope, r.scope_id, r.bucket, r.model) from relaypg.usage_rollups_daily r),
    (select jsonb_agg(to_jsonb(m) order by m.scope, m.scope_id, m.bucket, m.model) from relaypg.usage_rollups_monthly m));
end;
select set_config('tests.before', pg_temp.state()::text, true);

select set_config('tests.contribution', $$[
  {"target": "total", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "requests": 12, "inputTokens": 1234, "outputTokens": 567,
   "cacheCreateTokens": 8900, "cacheCreate5mTokens": 6000, "cacheCreate1hTokens": 2900, "cacheReadTokens": 43210,
   "longContextRequests": 2, "longContextInputTokens": 300, "longContextOutputTokens": 40, "cost": 193.33120550000003, "opusCost": 41.7},
  {"target": "day", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "day": "2025-09-16", "requests": 3, "inputTokens": 100,
   "outputTokens": 50, "cacheCreateTokens": 30, "cacheCreate5mTokens": 20, "cacheCreate1hTokens": 10, "cacheReadTokens": 400,
   "longContextRequests": 1, "cost": 0.6, "opusCost": 0.1},
  {"target": "rollup", "grain": "hour", "bucket": "2025-09-16 03:00:00+00", "scope": "key",
   "scopeId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514", "requests": 4, "inputTokens": 5,
   "outputTokens": 6, "cacheCreateTokens": 7, "cacheCreate5mTokens": 3, "cacheCreate1hTokens": 4, "cacheReadTokens": 8,
   "longContextRequests": 1, "cost": 0.000001},
  {"target": "rollup", "grain": "day", "bucket": "2025-09-16", "scope": "account",
   "scopeId": "00000000-0000-4000-8000-0000000000b1", "model": "claude-sonnet-4-20250514", "requests": 9, "inputTokens": 10},
  {"target": "rollup", "grain": "month", "bucket": "2025-09-01", "scope": "all", "scopeId": "", "model": "claude-sonnet-4-20250514",
   "requests": 11, "outputTokens": 12}
]$$, true);

select relaypg.apply_usage_contribution(current_setting('tests.contribution')::jsonb, 1);
select isnt(pg_temp.state(), current_setting('tests.before')::jsonb, 'p_sign = 1 changed the rows it names');
select relaypg.apply_usage_contribution(current_setting('tests.contribution')::jsonb, -1);
select is(pg_temp.state(), current_setting('tests.before')::jsonb,
  'p_sign = -1 of the same contribution brings the ledger and every rollup back exactly to what it was');

select relaypg.apply_usage_contribution($$[{"target": "day", "apiKeyId": "00000000-0000-4000-8000-0000000000a2", "day": "2025-08-01",
  "requests": 2, "cost": 0.25}]$$, 1);
select relaypg.apply_usage_contribution($$[{"target": "day", "apiKeyId": "00000000-0000-4000-8000-0000000000a2", "day": "2025-08-01",
  "requests": 2, "cost": 0.25}]$$, -1);
select is((select row(requests, input_tokens, cost, opus_cost)::text from relaypg.api_key_daily_usage
            where api_key_id = '00000000-0000-4000-8000-0000000000a2'),
  row(0, 0, 0.00, 0)::text, 'a row the contribution created is left holding zeros');

select * from finish();
rollback;
