-- relaypg.create_partition makes the partition of a usage table that starts
-- at p_from: named <table>_pYYYY_MM (month step) or <table>_pYYYY (year
-- step), bounds in UTC (dates for a date column), whatever the session's
-- time zone; null when it exists already. A start that is not on a step
-- boundary, or a table without a policy, is an error (internal, not RVINV).
begin;
select plan(8);

set local timezone = 'Asia/Tokyo';

select is(relaypg.create_partition('usage_events', '2020-03-01T00:00:00Z'), 'usage_events_p2020_03',
  'a month partition is named after its UTC month');
select is((select pg_get_expr(c.relpartbound, c.oid) from pg_class c where c.oid = 'relaypg.usage_events_p2020_03'::regclass),
  $$FOR VALUES FROM ('2020-03-01 09:00:00+09') TO ('2020-04-01 09:00:00+09')$$,
  'its bounds are the UTC month (printed here in Asia/Tokyo)');
select is(relaypg.create_partition('usage_events', '2020-03-01T00:00:00Z'), null, 'creating it again returns null');

select is(relaypg.create_partition('usage_rollups_daily', '2020-01-01T00:00:00Z'), 'usage_rollups_daily_p2020',
  'a year partition is named after its year');
select is((select pg_get_expr(c.relpartbound, c.oid) from pg_class c where c.oid = 'relaypg.usage_rollups_daily_p2020'::regclass),
  $$FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')$$, 'a date-keyed table gets date bounds');

select throws_ok($$select relaypg.create_partition('usage_events', '2020-03-02T00:00:00Z')$$, 'P0001', null,
  'a start that is not a month boundary (UTC) is refused');
select throws_ok($$select relaypg.create_partition('usage_rollups_monthly', '2020-02-01T00:00:00Z')$$, 'P0001', null,
  'a start that is not a year boundary is refused for a yearly table');
select throws_ok($$select relaypg.create_partition('api_keys', '2020-01-01T00:00:00Z')$$, 'P0002', null,
  'a table without a partition policy is refused');

select * from finish();
rollback;
