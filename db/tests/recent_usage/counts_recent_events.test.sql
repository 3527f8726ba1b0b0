-- api.recent_usage counts the events of the p_minutes before p_at (after
-- p_at - p_minutes, up to p_at included), read from the events themselves,
-- with requests and tokens per minute rounded to 2 decimals.
begin;
select plan(4);

create function pg_temp.record(p_id text, p_at text, p_tokens integer) returns void language sql
begin atomic
  select api.record_usage(jsonb_build_array(jsonb_build_object('requestId', p_id,
    'apiKeyId', '00000000-0000-4000-8000-0000000000a1', 'model', 'claude-sonnet-4-20250514', 'occurredAt', p_at,
    'inputTokens', p_tokens, 'outputTokens', 1, 'cacheCreationTokens', 2, 'cacheReadTokens', 3)));
end;
select pg_temp.record('at-p_at', '2025-09-16T04:00:00Z', 10);
select pg_temp.record('10s-before', '2025-09-16T03:59:50Z', 20);
select pg_temp.record('just-inside', '2025-09-16T03:55:00.000001Z', 40);
select pg_temp.record('5m-before', '2025-09-16T03:55:00Z', 80);
select pg_temp.record('after', '2025-09-16T04:00:00.000001Z', 160);

select is(
  (select row(r.minutes, r.requests, r.all_tokens, r.input_tokens, r.output_tokens, r.cache_create_tokens, r.cache_read_tokens,
              r.requests_per_minute, r.tokens_per_minute)::text
     from api.recent_usage(5, '2025-09-16T04:00:00Z') r),
  row(5, 3::bigint, 88::bigint, 70::bigint, 3::bigint, 6::bigint, 9::bigint, 0.60, 17.60)::text,
  'the last 5 minutes: three events (the one exactly 5 minutes before and the one after p_at excluded), with rates');
select is((select row(requests, input_tokens, requests_per_minute)::text from api.recent_usage(10, '2025-09-16T04:00:00Z')),
  row(4::bigint, 150::bigint, 0.40)::text, 'ten minutes take the event of exactly 5 minutes before');
select is((select row(requests, all_tokens, requests_per_minute, tokens_per_minute)::text from api.recent_usage(1, '2025-09-16T05:00:00Z')),
  row(0::bigint, 0::bigint, 0.00, 0.00)::text, 'a window without events gives zeros');
select api.record_usage($$[{"requestId": "now", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "model": "claude-sonnet-4-20250514", "inputTokens": 7}]$$);
select is((select row(minutes, requests, input_tokens)::text from api.recent_usage()), row(5, 1::bigint, 7::bigint)::text,
  'by default, the 5 minutes up to now (an event recorded now included)');

select * from finish();
rollback;
