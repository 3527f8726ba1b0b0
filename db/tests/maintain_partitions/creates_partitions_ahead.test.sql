-- api.maintain_partitions creates, for every table in
-- relaypg.partition_policies, the partition of p_now and `premake` more
-- after it (usage_events and usage_rollups_hourly: 2 months; the daily and
-- monthly rollups: 1 year), and returns them as 'created'; a second run
-- creates nothing. A p_now in the future is used so that none exists yet.
begin;
select plan(4);

select results_eq(
  $$select partition_name from api.maintain_partitions(p_now => '2031-04-15T12:00:00Z') where action = 'created'
     order by partition_name$$,
  $$values ('usage_events_p2031_04'::text), ('usage_events_p2031_05'), ('usage_events_p2031_06'),
           ('usage_rollups_daily_p2031'), ('usage_rollups_daily_p2032'),
           ('usage_rollups_hourly_p2031_04'), ('usage_rollups_hourly_p2031_05'), ('usage_rollups_hourly_p2031_06'),
           ('usage_rollups_monthly_p2031'), ('usage_rollups_monthly_p2032')$$,
  'the partition of p_now and premake more are created for each table');
select is(to_regclass('relaypg.usage_events_p2031_07'), null, 'nothing past premake is created');
select is_empty($$select * from api.maintain_partitions(p_now => '2031-04-15T12:00:00Z') where action = 'created'$$,
  'a second run creates nothing');

update relaypg.partition_policies set premake = 0 where table_name = 'usage_events';
select results_eq(
  $$select partition_name from api.maintain_partitions(p_now => '2033-02-10T00:00:00Z')
     where action = 'created' and partition_name like 'usage_events%' order by 1$$,
  $$values ('usage_events_p2033_02'::text)$$,
  'with premake 0, only the partition of p_now is created');

select * from finish();
rollback;
