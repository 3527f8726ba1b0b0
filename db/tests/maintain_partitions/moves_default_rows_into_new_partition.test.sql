-- An event recorded while no partition covers its month lands in
-- usage_events_default; when api.maintain_partitions later creates that
-- month's partition, the event moves into it and the default partition is
-- left empty.
begin;
select plan(4);

select api.record_usage($$[{"requestId": "future-1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "model": "claude-sonnet-4-20250514", "occurredAt": "2019-06-10T08:00:00Z", "inputTokens": 7}]$$);
select is((select tableoid::regclass::text from relaypg.usage_events where request_id = 'future-1'),
  'relaypg.usage_events_default', 'without a partition for June 2019 the event lands in the default partition');

select ok((select bool_or(partition_name = 'usage_events_p2019_06')
             from api.maintain_partitions(p_now => '2019-06-15T00:00:00Z') where action = 'created'),
  'maintenance at 2019-06-15 creates usage_events_p2019_06');
select is((select row(tableoid::regclass::text, input_tokens)::text from relaypg.usage_events where request_id = 'future-1'),
  row('relaypg.usage_events_p2019_06', 7::bigint)::text, 'the event is now in it, intact');
select is((select count(*) from relaypg.usage_events_default), 0::bigint, 'the default partition is empty');

select * from finish();
rollback;
