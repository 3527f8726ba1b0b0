-- api.set_partition_retention sets how long one usage table's partitions
-- are kept (null: forever), leaving the other tables' policies alone.
begin;
select plan(3);

select api.set_partition_retention('usage_events', interval '30 days');
select is((select retention from relaypg.partition_policies where table_name = 'usage_events'), interval '30 days',
  'the retention is stored');
select api.set_partition_retention('usage_rollups_daily', null);
select is((select retention from relaypg.partition_policies where table_name = 'usage_rollups_daily'), null,
  'null keeps every partition');
select results_eq($$select table_name, retention from relaypg.partition_policies order by table_name$$,
  $$values ('usage_events'::text, interval '30 days'), ('usage_rollups_daily', null),
           ('usage_rollups_hourly', interval '90 days'), ('usage_rollups_monthly', null)$$,
  'the other policies are unchanged');

select * from finish();
rollback;
