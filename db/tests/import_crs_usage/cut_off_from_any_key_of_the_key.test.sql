-- Any imported CRS key that names an API key sets that key's cut-off
-- (relaypg.api_key_usage.baseline_cut_off), a day or a cost alone too, even
-- when no usage:{keyId} is imported; several imports keep the latest cut-off.
begin;
select plan(6);

select api.import_crs_usage('usage:daily:00000000-0000-4000-8000-0000000000a1:2025-09-16', '{"requests": "1", "inputTokens": "5"}',
  '2025-09-16T04:00:00Z');
select is((select baseline_cut_off from relaypg.api_key_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  '2025-09-16T04:00:00Z'::timestamptz, 'a day alone sets the cut-off');
select is((select row(requests, input_tokens)::text from relaypg.api_key_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(0, 0)::text, 'without adding to the lifetime counters');

select api.import_crs_usage('usage:cost:daily:00000000-0000-4000-8000-0000000000a2:2025-09-16', '{"value": "0.6"}', '2025-09-16T05:00:00Z');
select is((select baseline_cut_off from relaypg.api_key_usage where api_key_id = '00000000-0000-4000-8000-0000000000a2'),
  '2025-09-16T05:00:00Z'::timestamptz, 'a cost day alone sets it');

select api.import_crs_usage('usage:opus:weekly:00000000-0000-4000-8000-0000000000a3:2025-W38', '{"value": "2"}', '2025-09-16T06:00:00Z');
select api.import_crs_usage('usage:cost:total:00000000-0000-4000-8000-0000000000a4', '{"value": "3"}', '2025-09-16T06:00:00Z');
select is(
  (select array_agg(baseline_cut_off order by api_key_id) from relaypg.api_key_usage
    where api_key_id in ('00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-0000000000a4')),
  array['2025-09-16T06:00:00Z'::timestamptz, '2025-09-16T06:00:00Z'], 'so does a week''s Opus cost, or the lifetime cost');

select api.import_crs_usage('usage:cost:daily:00000000-0000-4000-8000-0000000000a1:2025-09-15', '{"value": "1"}', '2025-09-16T08:00:00Z');
select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1', '{"totalRequests": "1"}', '2025-09-16T07:00:00Z');
select is((select baseline_cut_off from relaypg.api_key_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  '2025-09-16T08:00:00Z'::timestamptz, 'the latest cut-off of the key''s imports is kept');
select is(
  (select r.recorded from api.record_usage($$[{"requestId": "before", "apiKeyId": "00000000-0000-4000-8000-0000000000a2",
     "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-16T04:59:00Z", "inputTokens": 1}]$$) r),
  false, 'the cut-off set by a cost day alone stops an earlier event');

select * from finish();
rollback;
