-- api.import_crs_usage of a key already imported with another value is
-- 'updated': what the key added before is taken back and the new value is
-- added, so the target holds the new value, not the sum, and what relaypg
-- recorded itself in between is kept. relaypg.crs_usage_imports keeps one row
-- per CRS key, now with the new value's contribution and cut-off.
begin;
select plan(9);

select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1',
  '{"totalRequests": "12", "totalInputTokens": "1000", "totalOutputTokens": "500"}', '2025-09-16T04:00:00Z');
select api.record_usage($$[{"requestId": "after-cut-off", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-16T05:00:00Z", "inputTokens": 7, "outputTokens": 3}]$$);

select is(api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1',
  '{"totalRequests": "15", "totalInputTokens": "1300", "totalOutputTokens": "550"}', '2025-09-16T04:30:00Z'),
  (null, 'updated', '{}')::api.import_result, 'a changed hash is updated');
select is(
  (select row(requests, input_tokens, output_tokens)::text from relaypg.api_key_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(15 + 1, 1300 + 7, 550 + 3)::text,
  'the lifetime counters are the new CRS value (not the sum of both) plus the event relaypg recorded');

select api.import_crs_usage('usage:cost:daily:00000000-0000-4000-8000-0000000000a1:2025-08-01', '{"value": "0.6"}',
  '2025-09-16T04:00:00Z');
select is(api.import_crs_usage('usage:cost:daily:00000000-0000-4000-8000-0000000000a1:2025-08-01', '{"value": "0.25"}',
  '2025-09-16T04:00:00Z'),
  (null, 'updated', '{}')::api.import_result, 'a changed cost is updated');
select is((select cost from relaypg.api_key_daily_usage where day = '2025-08-01'), 0.25, 'the day holds the new cost');

select api.import_crs_usage('account_usage:model:hourly:00000000-0000-4000-8000-0000000000b1:claude-sonnet-4-20250514:2025-09-16:11',
  '{"inputTokens": "700", "outputTokens": "800", "requests": "200"}', '2025-09-16T04:00:00Z');
select is(api.import_crs_usage('account_usage:model:hourly:00000000-0000-4000-8000-0000000000b1:claude-sonnet-4-20250514:2025-09-16:11',
  '{"inputTokens": "710", "requests": "201"}', '2025-09-16T04:00:00Z'),
  (null, 'updated', '{}')::api.import_result, 'a changed per-model hash is updated');
select is((select row(requests, input_tokens, output_tokens)::text from relaypg.usage_rollups_hourly), row(201, 710, 0)::text,
  'the rollup row holds the new value; a counter the new hash lacks is taken back to 0');

select is((select count(*) from relaypg.crs_usage_imports), 3::bigint, 'crs_usage_imports keeps one row per CRS key');
select is(
  (select row(cut_off, contribution -> 0 ->> 'requests')::text from relaypg.crs_usage_imports
    where redis_key = 'usage:00000000-0000-4000-8000-0000000000a1'),
  row('2025-09-16T04:30:00Z'::timestamptz, '15')::text, 'its row holds the new contribution and cut-off');
select is((select baseline_cut_off from relaypg.api_key_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  '2025-09-16T04:30:00Z'::timestamptz, 'and the key''s cut-off moves to the later one');

select * from finish();
rollback;
