-- api.maintain_partitions drops the partitions whose whole range ended
-- longer ago than the table's retention (usage_events: 90 days), rows
-- included, and returns them as 'dropped'; recent partitions stay, and rows
-- in the default partition are never dropped (retention drops whole
-- partitions only).
begin;
select plan(5);

set local timezone = 'UTC';
select api.maintain_partitions();
select relaypg.create_partition('usage_events', '2020-01-01T00:00:00Z');
select relaypg.create_partition('usage_events', date_trunc('month', now() - interval '90 days'));
select api.record_usage($$[
  {"requestId": "old-1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2020-01-10T00:00:00Z"},
  {"requestId": "older-1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
   "occurredAt": "2019-06-10T00:00:00Z"},
  {"requestId": "new-1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514"}
]$$);

select results_eq($$select action, partition_name from api.maintain_partitions()$$,
  $$values ('dropped'::text, 'usage_events_p2020_01'::text)$$,
  'the old partition is dropped, and reported');
select is(to_regclass('relaypg.usage_events_p2020_01'), null, 'the partition is gone');
select is((select array_agg(request_id order by request_id) from relaypg.usage_events), array['new-1', 'older-1'],
  'its event went with it; the recent event and the one in the default partition stay');
select isnt(to_regclass('relaypg.usage_events_p' || to_char(now(), 'YYYY_MM')), null, 'this month''s partition stays');
select isnt(to_regclass('relaypg.usage_events_p' || to_char(date_trunc('month', now() - interval '90 days'), 'YYYY_MM')),
  null, 'the partition still holding now() - 90 days stays');

select * from finish();
rollback;
