-- relaypg.partition_bounds lists the range partitions of a relaypg table
-- (never the default one) with their bounds as instants, read in UTC whatever
-- the session's time zone (a date bound is a UTC midnight); nothing for an
-- unknown or unpartitioned table.
begin;
select plan(5);

set local timezone = 'America/New_York';
select relaypg.create_partition('usage_events', '2020-03-01T00:00:00Z');
select relaypg.create_partition('usage_rollups_daily', '2020-01-01T00:00:00Z');

select is((select row(b.lower_bound, b.upper_bound) from relaypg.partition_bounds('usage_events') b
            where b.partition_name = 'usage_events_p2020_03'),
  row('2020-03-01T00:00:00Z'::timestamptz, '2020-04-01T00:00:00Z'::timestamptz),
  'a timestamptz-keyed partition''s bounds are its UTC month');
select is((select row(b.lower_bound, b.upper_bound) from relaypg.partition_bounds('usage_rollups_daily') b
            where b.partition_name = 'usage_rollups_daily_p2020'),
  row('2020-01-01T00:00:00Z'::timestamptz, '2021-01-01T00:00:00Z'::timestamptz),
  'a date-keyed partition''s bounds are UTC midnights');
select is((select count(*) from relaypg.partition_bounds('usage_events')),
  (select count(*) from pg_inherits where inhparent = 'relaypg.usage_events'::regclass) - 1,
  'every partition but the default one is listed');
select is((select count(*) from relaypg.partition_bounds('usage_events') b where b.partition_name = 'usage_events_default'),
  0::bigint, 'the default partition is not listed');
select is((select count(*) from relaypg.partition_bounds('no_such_table')) + (select count(*) from relaypg.partition_bounds('api_keys')),
  0::bigint, 'an unknown or unpartitioned table has none');

select * from finish();
rollback;
