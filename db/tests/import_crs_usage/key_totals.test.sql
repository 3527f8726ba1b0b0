-- api.import_crs_usage adds a CRS key's lifetime figures to its row of
-- relaypg.api_key_usage: usage:{keyId} (the total* counters, long-context
-- ones included), usage:cost:total:{keyId} (cost) and usage:opus:total:{keyId}
-- (Opus cost), the two strings passed as {"value": ...} and kept as exact
-- decimals. The key id is read without regard to case. Each key is 'inserted'.
begin;
select plan(6);

select is(api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000A1', $${"totalTokens": "1801",
  "totalInputTokens": "1234", "totalOutputTokens": "567", "totalCacheCreateTokens": "8900", "totalCacheReadTokens": "43210",
  "totalAllTokens": "53911", "totalEphemeral5mTokens": "6000", "totalEphemeral1hTokens": "2900", "totalRequests": "12",
  "totalLongContextInputTokens": "300", "totalLongContextOutputTokens": "40", "totalLongContextRequests": "2"}$$,
  '2025-09-16T04:00:00Z'),
  (null, 'inserted', '{}')::api.import_result, 'usage:{keyId} is inserted');
select is(
  (select row(requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens,
              cache_read_tokens, long_context_requests, long_context_input_tokens, long_context_output_tokens, cost, opus_cost)::text
     from relaypg.api_key_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(12, 1234, 567, 8900, 6000, 2900, 43210, 2, 300, 40, 0, 0)::text,
  'its total* counters are the key''s lifetime counters (the upper-case id read as the key''s)');

select is(api.import_crs_usage('usage:cost:total:00000000-0000-4000-8000-0000000000a1', '{"value": "193.33120550000003"}',
  '2025-09-16T04:00:00Z'),
  (null, 'inserted', '{}')::api.import_result, 'usage:cost:total:{keyId} is inserted');
select is(api.import_crs_usage('usage:opus:total:00000000-0000-4000-8000-0000000000a1', '{"value": "41.7"}',
  '2025-09-16T04:00:00Z'),
  (null, 'inserted', '{}')::api.import_result, 'usage:opus:total:{keyId} is inserted');
select is(
  (select row(requests, input_tokens, cost, opus_cost)::text
     from relaypg.api_key_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(12, 1234, 193.33120550000003, 41.7)::text,
  'they add the lifetime cost and Opus cost, exactly as CRS''s decimal text, to the same row');
select is((select count(*) from relaypg.api_key_daily_usage), 0::bigint, 'lifetime figures add no day');

select * from finish();
rollback;
