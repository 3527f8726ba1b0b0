-- api.set_partition_retention raises RVINV: COLUMN table for a table without
-- a partition policy (the hint lists them), COLUMN retention for a retention
-- that is not positive. Nothing changes.
begin;
select plan(7);

select throws_ok($$select api.set_partition_retention('api_keys', interval '1 day')$$, 'RVINV', null,
  'an unknown table raises RVINV');
select is(tests.error_column($$select api.set_partition_retention('api_keys', interval '1 day')$$), 'table',
  'the error names table');
select is(tests.error_info($$select api.set_partition_retention(null, interval '1 day')$$) ->> 'hint',
  'one of: usage_events, usage_rollups_daily, usage_rollups_hourly, usage_rollups_monthly',
  'a missing table is refused too, the hint listing the tables');

select throws_ok($$select api.set_partition_retention('usage_events', interval '0')$$, 'RVINV', null,
  'a zero retention raises RVINV');
select is(tests.error_column($$select api.set_partition_retention('usage_events', interval '-1 day')$$), 'retention',
  'a negative retention is named retention');
select is(tests.error_column($$select api.set_partition_retention('usage_events', interval '1 month -40 days')$$), 'retention',
  'a retention that adds up to less than nothing is refused');

select is((select retention from relaypg.partition_policies where table_name = 'usage_events'), interval '90 days',
  'the retention is unchanged');

select * from finish();
rollback;
