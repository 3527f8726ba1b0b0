-- api.maintain_partitions keeps every partition of a table whose retention
-- is null (set by api.set_partition_retention), however old.
begin;
select plan(3);

select api.maintain_partitions();
select api.set_partition_retention('usage_events', null);
select relaypg.create_partition('usage_events', '2020-01-01T00:00:00Z');
select api.record_usage($$[{"requestId": "old-1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "model": "claude-sonnet-4-20250514", "occurredAt": "2020-01-10T00:00:00Z"}]$$);

select is_empty($$select * from api.maintain_partitions() where action = 'dropped'$$, 'nothing is dropped');
select isnt(to_regclass('relaypg.usage_events_p2020_01'), null, 'the old partition stays');
select is((select tableoid::regclass::text from relaypg.usage_events where request_id = 'old-1'),
  'relaypg.usage_events_p2020_01', 'with its event');

select * from finish();
rollback;
