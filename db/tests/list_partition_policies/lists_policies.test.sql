-- api.list_partition_policies returns each partitioned usage table (by
-- name) with its policy (step, retention, premake), how many range
-- partitions it has and the span they cover, and the rows in its default
-- partition.
begin;
select plan(3);

set local timezone = 'UTC';
select api.maintain_partitions();
select relaypg.create_partition('usage_events', '2020-01-01T00:00:00Z');
select api.record_usage($$[{"requestId": "def-1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "model": "claude-sonnet-4-20250514", "occurredAt": "2019-06-10T00:00:00Z"}]$$);

select results_eq($$select table_name, step, retention, premake from api.list_partition_policies()$$,
  $$values ('usage_events'::text, 'month'::text, interval '90 days', 2), ('usage_rollups_daily', 'year', interval '3 years', 1),
           ('usage_rollups_hourly', 'month', interval '90 days', 2), ('usage_rollups_monthly', 'year', null, 1)$$,
  'the four tables, by name, with their policies');
select is((select row(l.partitions, l.oldest_from, l.newest_to) from api.list_partition_policies() l where l.table_name = 'usage_events'),
  row((select count(*) - 1 from pg_inherits where inhparent = 'relaypg.usage_events'::regclass),
      '2020-01-01T00:00:00Z'::timestamptz,
      date_trunc('month', now()) + interval '3 months'),
  'the range partitions are counted, from the oldest (January 2020) to the end of the newest (premake 2)');
select results_eq($$select table_name, default_rows from api.list_partition_policies()$$,
  $$values ('usage_events'::text, 1::bigint), ('usage_rollups_daily', 0), ('usage_rollups_hourly', 0), ('usage_rollups_monthly', 0)$$,
  'the rows in each default partition are counted');

select * from finish();
rollback;
