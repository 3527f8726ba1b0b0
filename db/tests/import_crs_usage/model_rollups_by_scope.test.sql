-- api.import_crs_usage adds CRS's per-model hashes to the rollups: the grain
-- (daily | monthly | hourly) picks relaypg.usage_rollups_daily / _monthly /
-- _hourly (a month on its first day); usage:{keyId}:model:... is scope 'key'
-- (scope_id the key id), account_usage:model:...:{accountId}:... scope
-- 'account', usage:model:... scope 'all' (scope_id ''). The model is what lies
-- between the prefix and the bucket, ':' and '[1m]' included.
begin;
select plan(9);

select is(api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1:model:daily:claude-sonnet-4-20250514[1m]:2025-09-16',
  $${"inputTokens": "250000", "outputTokens": "900", "cacheCreateTokens": "70", "cacheReadTokens": "800", "allTokens": "251770",
     "requests": "4", "ephemeral5mTokens": "50", "ephemeral1hTokens": "20"}$$, '2025-09-16T04:00:00Z'),
  (null, 'inserted', '{}')::api.import_result, 'a key''s model day is inserted');
select is(
  (select row(bucket, scope, scope_id, model, requests, input_tokens, output_tokens, cache_create_tokens,
              cache_create_5m_tokens, cache_create_1h_tokens, cache_read_tokens, long_context_requests, cost)::text
     from relaypg.usage_rollups_daily),
  row('2025-09-16'::date, 'key', '00000000-0000-4000-8000-0000000000a1', 'claude-sonnet-4-20250514[1m]',
      4, 250000, 900, 70, 50, 20, 800, 0, 0)::text,
  'it is the key''s daily rollup row of its [1m] model, with every counter');

select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1:model:monthly:claude-opus-4-1-20250805:2025-09',
  '{"inputTokens": "11", "outputTokens": "22", "requests": "1"}', '2025-09-16T04:00:00Z');
select is(
  (select row(bucket, scope, scope_id, model, requests, input_tokens, output_tokens)::text from relaypg.usage_rollups_monthly),
  row('2025-09-01'::date, 'key', '00000000-0000-4000-8000-0000000000a1', 'claude-opus-4-1-20250805', 1, 11, 22)::text,
  'a key''s model month is its monthly rollup row, bucket the month''s first day');

select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1:model:hourly:llama3:8b:2025-09-16:11',
  '{"inputTokens": "5", "outputTokens": "6", "requests": "1"}', '2025-09-16T04:00:00Z');
select is(
  (select row(scope, scope_id, model, requests, input_tokens)::text from relaypg.usage_rollups_hourly),
  row('key', '00000000-0000-4000-8000-0000000000a1', 'llama3:8b', 1, 5)::text,
  'a key''s model hour is its hourly rollup row; a model holding '':'' keeps it');

select api.import_crs_usage('account_usage:model:daily:00000000-0000-4000-8000-0000000000B1:claude-sonnet-4-20250514:2025-09-16',
  '{"inputTokens": "7", "outputTokens": "8", "requests": "2"}', '2025-09-16T04:00:00Z');
select api.import_crs_usage('account_usage:model:monthly:00000000-0000-4000-8000-0000000000b1:claude-sonnet-4-20250514:2025-09',
  '{"inputTokens": "70", "outputTokens": "80", "requests": "20"}', '2025-09-16T04:00:00Z');
select api.import_crs_usage('account_usage:model:hourly:00000000-0000-4000-8000-0000000000b1:claude-sonnet-4-20250514:2025-09-16:11',
  '{"inputTokens": "700", "outputTokens": "800", "requests": "200"}', '2025-09-16T04:00:00Z');
select results_eq(
  $$select 'day', bucket::text, scope_id, model, requests, input_tokens, output_tokens from relaypg.usage_rollups_daily where scope = 'account'
    union all
    select 'month', bucket::text, scope_id, model, requests, input_tokens, output_tokens from relaypg.usage_rollups_monthly where scope = 'account'
    union all
    select 'hour', to_char(bucket at time zone 'UTC', 'YYYY-MM-DD HH24:MI'), scope_id, model, requests, input_tokens, output_tokens
      from relaypg.usage_rollups_hourly where scope = 'account'$$,
  $$values ('day', '2025-09-16', '00000000-0000-4000-8000-0000000000b1', 'claude-sonnet-4-20250514', 2::bigint, 7::bigint, 8::bigint),
           ('month', '2025-09-01', '00000000-0000-4000-8000-0000000000b1', 'claude-sonnet-4-20250514', 20, 70, 80),
           ('hour', '2025-09-16 03:00', '00000000-0000-4000-8000-0000000000b1', 'claude-sonnet-4-20250514', 200, 700, 800)$$,
  'account_usage:model:{grain}:{accountId}:... are scope account rows (the id in lower case), each of its grain');

select api.import_crs_usage('usage:model:daily:gpt-5:2025-09-16', '{"inputTokens": "9", "requests": "1"}', '2025-09-16T04:00:00Z');
select api.import_crs_usage('usage:model:monthly:claude-sonnet-4-20250514[1m]:2025-09', '{"inputTokens": "90", "requests": "3"}',
  '2025-09-16T04:00:00Z');
select api.import_crs_usage('usage:model:hourly:qwen:latest-x:2025-09-16:00', '{"inputTokens": "900", "requests": "30"}',
  '2025-09-16T04:00:00Z');
select results_eq(
  $$select 'day', bucket::text, scope_id, model, requests, input_tokens from relaypg.usage_rollups_daily where scope = 'all'
    union all
    select 'month', bucket::text, scope_id, model, requests, input_tokens from relaypg.usage_rollups_monthly where scope = 'all'
    union all
    select 'hour', to_char(bucket at time zone 'UTC', 'YYYY-MM-DD HH24:MI'), scope_id, model, requests, input_tokens
      from relaypg.usage_rollups_hourly where scope = 'all'$$,
  $$values ('day', '2025-09-16', '', 'gpt-5', 1::bigint, 9::bigint),
           ('month', '2025-09-01', '', 'claude-sonnet-4-20250514[1m]', 3, 90),
           ('hour', '2025-09-15 16:00', '', 'qwen:latest-x', 30, 900)$$,
  'usage:model:{grain}:{model}:{bucket} are scope all rows (scope_id ''''), each of its grain');

select is((select count(*) from relaypg.usage_rollups_daily), 3::bigint, 'no other daily rollup row was written');
select is((select count(*) from relaypg.api_key_daily_usage), 0::bigint, 'per-model hashes add no ledger day');
select is((select count(*) from relaypg.api_key_usage where requests <> 0 or input_tokens <> 0), 0::bigint,
  'nor lifetime counters');

select * from finish();
rollback;
