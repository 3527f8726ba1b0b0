-- relaypg.create_partition moves the rows the default partition holds for
-- the new partition's range into it (attaching would fail otherwise); rows
-- of other ranges stay in the default partition. The new partition has the
-- parent's indexes.
begin;
select plan(4);

select api.record_usage($$[
  {"requestId": "mv-1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2020-05-01T00:00:00Z", "inputTokens": 1},
  {"requestId": "mv-2", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2020-05-31T23:59:59Z", "inputTokens": 2},
  {"requestId": "mv-3", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2020-06-01T00:00:00Z", "inputTokens": 3}
]$$);
select is((select count(*) from relaypg.usage_events_default), 3::bigint, 'the three events are in the default partition');

select is(relaypg.create_partition('usage_events', '2020-05-01T00:00:00Z'), 'usage_events_p2020_05', 'May 2020 is created');
select is(
  (select array_agg(request_id || '@' || tableoid::regclass::text order by request_id) from relaypg.usage_events),
  array['mv-1@relaypg.usage_events_p2020_05', 'mv-2@relaypg.usage_events_p2020_05', 'mv-3@relaypg.usage_events_default'],
  'May''s events moved into the new partition, June''s stayed in the default one');
select is((select count(*) from pg_index i where i.indrelid = 'relaypg.usage_events_p2020_05'::regclass), 4::bigint,
  'the new partition has the parent''s four indexes');

select * from finish();
rollback;
