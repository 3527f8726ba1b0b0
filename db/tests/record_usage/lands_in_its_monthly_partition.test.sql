-- api.record_usage: an event is stored in the monthly partition of
-- relaypg.usage_events that covers its occurred_at (UTC months), and in
-- usage_events_default when no partition covers it.
begin;
select plan(4);

-- The partitions of this month exist (maintenance made them), and one for
-- September 2025 is made here; October 2025 has none.
select api.maintain_partitions();
select relaypg.create_partition('usage_events', '2025-09-01T00:00:00Z');

select api.record_usage($$[
  {"requestId": "p-now", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514"},
  {"requestId": "p-sep-last", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-09-30T23:59:59.999999Z"},
  {"requestId": "p-sep-first", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-10-01T07:30:00+08:00"},
  {"requestId": "p-oct", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2025-10-01T00:00:00Z"}
]$$);

select is((select tableoid::regclass::text from relaypg.usage_events where request_id = 'p-now'),
  'relaypg.usage_events_p' || to_char(now() at time zone 'UTC', 'YYYY_MM'),
  'an event of now lands in this month''s partition');
select is((select tableoid::regclass::text from relaypg.usage_events where request_id = 'p-sep-last'),
  'relaypg.usage_events_p2025_09', 'the last microsecond of September (UTC) lands in September''s partition');
select is((select tableoid::regclass::text from relaypg.usage_events where request_id = 'p-sep-first'),
  'relaypg.usage_events_p2025_09', 'so does 2025-10-01 07:30+08:00 (still September in UTC)');
select is((select tableoid::regclass::text from relaypg.usage_events where request_id = 'p-oct'),
  'relaypg.usage_events_default', 'an event no partition covers lands in the default partition');

select * from finish();
rollback;
