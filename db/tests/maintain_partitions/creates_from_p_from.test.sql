-- api.maintain_partitions(p_now, p_from) creates every partition from the
-- one holding p_from up to premake past p_now; a p_from after p_now is read
-- as p_now.
begin;
select plan(3);

select results_eq(
  $$select partition_name from api.maintain_partitions(p_now => '2031-03-15T00:00:00Z', p_from => '2030-12-20T00:00:00Z')
     where action = 'created' and partition_name like 'usage_events%' order by 1$$,
  $$values ('usage_events_p2030_12'::text), ('usage_events_p2031_01'), ('usage_events_p2031_02'), ('usage_events_p2031_03'),
           ('usage_events_p2031_04'), ('usage_events_p2031_05')$$,
  'months from p_from''s to premake past p_now are created');
select results_eq(
  $$select partition_name from relaypg.partition_bounds('usage_rollups_daily') where lower_bound >= '2030-01-01T00:00:00Z'
     order by 1$$,
  $$values ('usage_rollups_daily_p2030'::text), ('usage_rollups_daily_p2031'), ('usage_rollups_daily_p2032')$$,
  'a yearly table gets the years from p_from''s to premake past p_now');

select results_eq(
  $$select partition_name from api.maintain_partitions(p_now => '2035-03-15T00:00:00Z', p_from => '2035-09-01T00:00:00Z')
     where action = 'created' and partition_name like 'usage_events%' order by 1$$,
  $$values ('usage_events_p2035_03'::text), ('usage_events_p2035_04'), ('usage_events_p2035_05')$$,
  'a p_from after p_now starts at p_now');

select * from finish();
rollback;
