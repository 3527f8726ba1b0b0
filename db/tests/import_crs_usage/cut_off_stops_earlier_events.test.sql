-- After a key's CRS usage is imported with a cut-off, api.record_usage does
-- not record an event of that key that occurred before the cut-off (or at
-- it): CRS's figures already count it. recorded = false and nothing is
-- added. An event after the cut-off is recorded; other keys are unaffected.
begin;
select plan(7);

select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1',
  '{"totalRequests": "12", "totalInputTokens": "1000", "totalOutputTokens": "500"}', '2025-09-16T04:00:00Z');
select is((select baseline_cut_off from relaypg.api_key_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  '2025-09-16T04:00:00Z'::timestamptz, 'the import sets the key''s cut-off');

select is(
  (select row(r.request_id, r.recorded, r.cost)::text from api.record_usage($$[{"requestId": "before",
     "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
     "occurredAt": "2025-09-16T03:59:59.999Z", "inputTokens": 100, "outputTokens": 10}]$$) r),
  row('before', false, null::numeric)::text, 'an event before the cut-off is not recorded');
select is(
  (select r.recorded from api.record_usage($$[{"requestId": "at", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
     "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-16T12:00:00+08:00", "inputTokens": 100}]$$) r),
  false, 'nor one at the cut-off itself');
select is(
  (select row(u.requests, u.input_tokens, u.output_tokens, (select count(*) from relaypg.usage_events),
              (select count(*) from relaypg.api_key_daily_usage))::text
     from relaypg.api_key_usage u where u.api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(12, 1000, 500, 0, 0)::text, 'they add nothing: no event, no lifetime counter, no day');

select is(
  (select r.recorded from api.record_usage($$[{"requestId": "after", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
     "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-16T04:00:00.001Z", "inputTokens": 100, "outputTokens": 10}]$$) r),
  true, 'an event after the cut-off is recorded');
select is(
  (select row(requests, input_tokens, output_tokens)::text from relaypg.api_key_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(13, 1100, 510)::text, 'and added to the imported figures');

select is(
  (select r.recorded from api.record_usage($$[{"requestId": "other-key", "apiKeyId": "00000000-0000-4000-8000-0000000000a2",
     "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-16T03:00:00Z", "inputTokens": 1}]$$) r),
  true, 'an event of a key without an import is recorded whenever it occurred');

select * from finish();
rollback;
