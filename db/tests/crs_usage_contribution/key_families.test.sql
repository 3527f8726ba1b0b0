-- relaypg.crs_usage_contribution turns one CRS usage key into the items it
-- adds: usage:{keyId} a 'total' of the total* counters; usage:cost:total and
-- usage:opus:total a 'total' cost / opusCost; usage:daily and
-- usage:cost:daily a 'day' of counters / cost; usage:opus:weekly a 'day' (the
-- week's Monday) of opusCost. The key id is lower-cased; counters CRS left
-- out are 0. Immutable.
begin;
select plan(7);

select volatility_is('relaypg', 'crs_usage_contribution', array['text', 'jsonb', 'text', 'date'], 'immutable',
  'crs_usage_contribution is immutable');

select is(relaypg.crs_usage_contribution('usage:00000000-0000-4000-8000-0000000000A1', $${"totalTokens": "1801",
  "totalInputTokens": "1234", "totalOutputTokens": "567", "totalCacheCreateTokens": "8900", "totalCacheReadTokens": "43210",
  "totalAllTokens": "53911", "totalEphemeral5mTokens": "6000", "totalEphemeral1hTokens": "2900", "totalRequests": "12",
  "totalLongContextInputTokens": "300", "totalLongContextOutputTokens": "40", "totalLongContextRequests": "2"}$$, 'Asia/Shanghai'),
  $$[{"target": "total", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "requests": 12, "inputTokens": 1234,
      "outputTokens": 567, "cacheCreateTokens": 8900, "cacheCreate5mTokens": 6000, "cacheCreate1hTokens": 2900,
      "cacheReadTokens": 43210, "longContextRequests": 2, "longContextInputTokens": 300, "longContextOutputTokens": 40}]$$::jsonb,
  'usage:{keyId} is a total of its total* counters (totalTokens and totalAllTokens are derived, not added)');
select is(relaypg.crs_usage_contribution('usage:cost:total:00000000-0000-4000-8000-0000000000a1', '{"value": "193.33120550000003"}',
  'Asia/Shanghai'),
  '[{"target": "total", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "cost": 193.33120550000003}]'::jsonb,
  'usage:cost:total:{keyId} is a total cost, exact');
select is(relaypg.crs_usage_contribution('usage:opus:total:00000000-0000-4000-8000-0000000000a1', '{"value": "41.7"}', 'Asia/Shanghai'),
  '[{"target": "total", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "opusCost": 41.7}]'::jsonb,
  'usage:opus:total:{keyId} is a total Opus cost');
select is(relaypg.crs_usage_contribution('usage:daily:00000000-0000-4000-8000-0000000000a1:2025-09-16',
  '{"tokens": "150", "inputTokens": "100", "outputTokens": "50", "requests": "3", "ephemeral1hTokens": "10"}', 'Asia/Shanghai'),
  $$[{"target": "day", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "day": "2025-09-16", "requests": 3, "inputTokens": 100,
      "outputTokens": 50, "cacheCreateTokens": 0, "cacheCreate5mTokens": 0, "cacheCreate1hTokens": 10, "cacheReadTokens": 0,
      "longContextRequests": 0}]$$::jsonb,
  'usage:daily:{keyId}:{date} is a day of its plain counters, missing ones 0');
select is(relaypg.crs_usage_contribution('usage:cost:daily:00000000-0000-4000-8000-0000000000a1:2025-09-16', '{"value": "0.6"}',
  'Asia/Shanghai'),
  '[{"target": "day", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "day": "2025-09-16", "cost": 0.6}]'::jsonb,
  'usage:cost:daily:{keyId}:{date} is a day''s cost');
select is(relaypg.crs_usage_contribution('usage:opus:weekly:00000000-0000-4000-8000-0000000000a1:2025-W38', '{"value": "12.5"}',
  'Asia/Shanghai'),
  '[{"target": "day", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "day": "2025-09-15", "opusCost": 12.5}]'::jsonb,
  'usage:opus:weekly:{keyId}:2025-W38 is an Opus cost on Monday 2025-09-15');

select * from finish();
rollback;
