-- relaypg.crs_usage_contribution turns a CRS per-model hash into one
-- 'rollup' item: grain hour / day / month from hourly / daily / monthly,
-- scope key (usage:{keyId}:model:...), account (account_usage:model:...:
-- {accountId}:...) or all (usage:model:..., scope id ''), ids lower-cased.
-- The model is everything between the prefix and the bucket (':' and '[1m]'
-- included, a date-like part too); a month is its first day; an hour is the
-- local hour in p_time_zone, as an instant.
begin;
select plan(7);

select is(relaypg.crs_usage_contribution('usage:00000000-0000-4000-8000-0000000000a1:model:daily:claude-sonnet-4-20250514[1m]:2025-09-16',
  '{"inputTokens": "250000", "outputTokens": "900", "requests": "4", "ephemeral5mTokens": "50", "allTokens": "250900"}', 'Asia/Shanghai'),
  $$[{"target": "rollup", "grain": "day", "bucket": "2025-09-16", "scope": "key", "scopeId": "00000000-0000-4000-8000-0000000000a1",
      "model": "claude-sonnet-4-20250514[1m]", "requests": 4, "inputTokens": 250000, "outputTokens": 900, "cacheCreateTokens": 0,
      "cacheCreate5mTokens": 50, "cacheCreate1hTokens": 0, "cacheReadTokens": 0, "longContextRequests": 0}]$$::jsonb,
  'a key''s model day is a day rollup of scope key, the [1m] model kept');
select is((relaypg.crs_usage_contribution('account_usage:model:monthly:00000000-0000-4000-8000-0000000000B1:gpt-5:2025-09',
  '{"requests": "2"}', 'Asia/Shanghai') -> 0) - array['requests', 'inputTokens', 'outputTokens', 'cacheCreateTokens',
  'cacheCreate5mTokens', 'cacheCreate1hTokens', 'cacheReadTokens', 'longContextRequests'],
  '{"target": "rollup", "grain": "month", "bucket": "2025-09-01", "scope": "account", "scopeId": "00000000-0000-4000-8000-0000000000b1", "model": "gpt-5"}'::jsonb,
  'an account''s model month is a month rollup of scope account, on the month''s first day');
select is((relaypg.crs_usage_contribution('usage:model:hourly:claude-sonnet-4-20250514:2025-09-16:11', '{"requests": "2"}',
  'Asia/Shanghai') -> 0) - array['bucket', 'requests', 'inputTokens', 'outputTokens', 'cacheCreateTokens',
  'cacheCreate5mTokens', 'cacheCreate1hTokens', 'cacheReadTokens', 'longContextRequests'],
  '{"target": "rollup", "grain": "hour", "scope": "all", "scopeId": "", "model": "claude-sonnet-4-20250514"}'::jsonb,
  'a service-wide model hour is an hour rollup of scope all, scope id ''''');

select is((relaypg.crs_usage_contribution('usage:model:hourly:m:2025-09-16:11', '{}', 'Asia/Shanghai') -> 0 ->> 'bucket')::timestamptz,
  '2025-09-16T03:00:00Z'::timestamptz, 'hour 2025-09-16:11 in Asia/Shanghai is 03:00 UTC');
select is((relaypg.crs_usage_contribution('usage:model:hourly:m:2025-09-16:11', '{}', 'America/New_York') -> 0 ->> 'bucket')::timestamptz,
  '2025-09-16T15:00:00Z'::timestamptz, 'and in America/New_York (EDT) 15:00 UTC');

select is(relaypg.crs_usage_contribution('usage:00000000-0000-4000-8000-0000000000a1:model:hourly:llama3:8b:2025-09-16:00', '{}', 'UTC')
  -> 0 ->> 'model', 'llama3:8b', 'a model holding '':'' is kept whole, before an hour bucket');
select is(relaypg.crs_usage_contribution('usage:model:daily:vendor:2025-09:2025-09-16', '{}', 'UTC') -> 0 ->> 'model',
  'vendor:2025-09', 'a model holding a date-like part is kept whole; the bucket is the last one');

select * from finish();
rollback;
