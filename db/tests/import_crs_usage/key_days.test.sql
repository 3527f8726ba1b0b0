-- api.import_crs_usage adds a CRS key's day to its row of
-- relaypg.api_key_daily_usage for that local date: usage:daily:{keyId}:{date}
-- (counters, long-context requests included) and
-- usage:cost:daily:{keyId}:{date} (the day's cost, {"value": ...}), both on the
-- same row; other days and the lifetime counters are untouched.
begin;
select plan(5);

select is(api.import_crs_usage('usage:daily:00000000-0000-4000-8000-0000000000a1:2025-09-16', $${"tokens": "150",
  "inputTokens": "100", "outputTokens": "50", "cacheCreateTokens": "30", "cacheReadTokens": "400", "allTokens": "580",
  "requests": "3", "ephemeral5mTokens": "20", "ephemeral1hTokens": "10", "longContextInputTokens": "80",
  "longContextOutputTokens": "5", "longContextRequests": "1"}$$, '2025-09-16T04:00:00Z'),
  (null, 'inserted', '{}')::api.import_result, 'usage:daily:{keyId}:{date} is inserted');
select is(api.import_crs_usage('usage:cost:daily:00000000-0000-4000-8000-0000000000a1:2025-09-16', '{"value": "0.6"}',
  '2025-09-16T04:00:00Z'),
  (null, 'inserted', '{}')::api.import_result, 'usage:cost:daily:{keyId}:{date} is inserted');
select api.import_crs_usage('usage:cost:daily:00000000-0000-4000-8000-0000000000a1:2025-08-01', '{"value": "2.25"}',
  '2025-09-16T04:00:00Z');

select is(
  (select row(requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens,
              cache_read_tokens, long_context_requests, cost, opus_cost)::text
     from relaypg.api_key_daily_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1' and day = '2025-09-16'),
  row(3, 100, 50, 30, 20, 10, 400, 1, 0.6, 0)::text,
  'the day''s counters and cost are on the key''s row for 2025-09-16');
select is(
  (select array_agg(day || '=' || cost order by day) from relaypg.api_key_daily_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  array['2025-08-01=2.25', '2025-09-16=0.6'],
  'a cost day older than any counter day is a row of its own');
select is(
  (select row(requests, input_tokens, cost)::text from relaypg.api_key_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(0, 0, 0)::text, 'days add nothing to the lifetime counters');

select * from finish();
rollback;
