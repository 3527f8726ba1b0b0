-- api.maintain_partitions does not create a partition whose whole range
-- ended longer ago than the table's retention (it would be dropped at once):
-- from a p_from a year back, usage_events (90 days) starts at the month that
-- holds now() - 90 days. Without retention, the whole year is created.
begin;
select plan(4);

set local timezone = 'UTC';

select api.maintain_partitions(p_from => now() - interval '1 year');
select is((select min(lower_bound) from relaypg.partition_bounds('usage_events')),
  date_trunc('month', now() - interval '90 days'),
  'the oldest usage_events partition holds now() - 90 days');
select is(to_regclass('relaypg.usage_events_p' || to_char(date_trunc('month', now() - interval '90 days') - interval '1 month', 'YYYY_MM')),
  null, 'the month before it, past retention, is not created');
select isnt(to_regclass('relaypg.usage_rollups_daily_p' || to_char(now() - interval '1 year', 'YYYY')), null,
  'the daily rollups (3 years) get the year of p_from');

select api.set_partition_retention('usage_events', null);
select api.maintain_partitions(p_from => now() - interval '1 year');
select is((select min(lower_bound) from relaypg.partition_bounds('usage_events')),
  date_trunc('month', now() - interval '1 year'),
  'without retention, the partitions start at p_from''s month');

select * from finish();
rollback;
