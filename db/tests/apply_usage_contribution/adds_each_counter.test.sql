-- relaypg.apply_usage_contribution (p_sign = 1) adds each counter of each
-- item to its column of the row the item names, creating the row when it is
-- missing: a 'total' to relaypg.api_key_usage, a 'day' to
-- relaypg.api_key_daily_usage, a 'rollup' to the hourly, daily or monthly
-- rollup of its grain. Counters an item lacks add 0. Volatile.
begin;
select plan(6);

select volatility_is('relaypg', 'apply_usage_contribution', array['jsonb', 'integer'], 'volatile',
  'apply_usage_contribution is volatile');

select relaypg.apply_usage_contribution($$[
  {"target": "total", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "requests": 1, "inputTokens": 2, "outputTokens": 3,
   "cacheCreateTokens": 4, "cacheCreate5mTokens": 5, "cacheCreate1hTokens": 6, "cacheReadTokens": 7, "longContextRequests": 8,
   "longContextInputTokens": 9, "longContextOutputTokens": 10, "cost": 1.25, "opusCost": 0.5},
  {"target": "day", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "day": "2025-09-16", "requests": 11, "inputTokens": 12,
   "outputTokens": 13, "cacheCreateTokens": 14, "cacheCreate5mTokens": 15, "cacheCreate1hTokens": 16, "cacheReadTokens": 17,
   "longContextRequests": 18, "cost": 2.5, "opusCost": 0.75},
  {"target": "rollup", "grain": "hour", "bucket": "2025-09-16 03:00:00+00", "scope": "key",
   "scopeId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514", "requests": 21, "inputTokens": 22,
   "outputTokens": 23, "cacheCreateTokens": 24, "cacheCreate5mTokens": 25, "cacheCreate1hTokens": 26, "cacheReadTokens": 27,
   "longContextRequests": 28, "cost": 3.5},
  {"target": "rollup", "grain": "day", "bucket": "2025-09-16", "scope": "account",
   "scopeId": "00000000-0000-4000-8000-0000000000b1", "model": "gpt-5", "requests": 31},
  {"target": "rollup", "grain": "month", "bucket": "2025-09-01", "scope": "all", "scopeId": "", "model": "gpt-5", "inputTokens": 41}
]$$, 1);

select is(
  (select row(requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens,
              cache_read_tokens, long_context_requests, long_context_input_tokens, long_context_output_tokens, cost, opus_cost)::text
     from relaypg.api_key_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1.25, 0.5)::text, 'a total adds each counter to its column of api_key_usage');
select is(
  (select row(day, requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens,
              cache_read_tokens, long_context_requests, cost, opus_cost)::text
     from relaypg.api_key_daily_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row('2025-09-16'::date, 11, 12, 13, 14, 15, 16, 17, 18, 2.5, 0.75)::text, 'a day adds each counter to its day row');
select is(
  (select row(bucket, scope, scope_id, model, requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens,
              cache_create_1h_tokens, cache_read_tokens, long_context_requests, cost)::text from relaypg.usage_rollups_hourly),
  row('2025-09-16T03:00:00Z'::timestamptz, 'key', '00000000-0000-4000-8000-0000000000a1', 'claude-sonnet-4-20250514',
      21, 22, 23, 24, 25, 26, 27, 28, 3.5)::text,
  'an hour rollup adds each counter to its hourly row');
select is(
  (select row(bucket, scope, scope_id, model, requests, input_tokens, cost)::text from relaypg.usage_rollups_daily),
  row('2025-09-16'::date, 'account', '00000000-0000-4000-8000-0000000000b1', 'gpt-5', 31, 0, 0)::text,
  'a day rollup goes to the daily rollups, missing counters 0');

select relaypg.apply_usage_contribution(
  '[{"target": "rollup", "grain": "month", "bucket": "2025-09-01", "scope": "all", "scopeId": "", "model": "gpt-5", "inputTokens": 1, "requests": 2}]',
  1);
select is(
  (select row(bucket, scope, scope_id, model, requests, input_tokens)::text from relaypg.usage_rollups_monthly),
  row('2025-09-01'::date, 'all', '', 'gpt-5', 2, 42)::text,
  'a month rollup goes to the monthly rollups, and a second one adds to the same row');

select * from finish();
rollback;
