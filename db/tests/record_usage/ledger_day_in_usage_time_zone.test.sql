-- api.record_usage adds an event to its key's row of
-- relaypg.api_key_daily_usage for the local day of occurred_at in
-- relaypg.usage_settings.time_zone as it is when the event is recorded
-- (Asia/Shanghai, UTC+8, unless set otherwise).
begin;
select plan(3);

select is(relaypg.usage_time_zone(), 'Asia/Shanghai', 'the usage time zone starts as Asia/Shanghai');

select api.record_usage($$[
  {"requestId": "d-1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-09-15T15:59:59Z", "inputTokens": 1},
  {"requestId": "d-2", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-09-15T17:00:00Z", "inputTokens": 2}
]$$);
select is(
  (select array_agg(day || '=' || input_tokens order by day) from relaypg.api_key_daily_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  array['2025-09-15=1', '2025-09-16=2'],
  'in Asia/Shanghai, 2025-09-15T15:59:59Z is day 2025-09-15 and 2025-09-15T17:00Z is day 2025-09-16');

select api.set_usage_time_zone('UTC');
select api.record_usage($$[
  {"requestId": "d-3", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-09-15T17:00:01Z", "inputTokens": 4}
]$$);
select is(
  (select array_agg(day || '=' || input_tokens order by day) from relaypg.api_key_daily_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  array['2025-09-15=5', '2025-09-16=2'],
  'after the zone is set to UTC, a new event of 2025-09-15T17:00Z is day 2025-09-15; recorded days are not moved');

select * from finish();
rollback;
