-- relaypg.partition_key_column names the column a relaypg table is
-- range-partitioned on; null for a table that is not partitioned or unknown.
begin;
select plan(4);

select is(relaypg.partition_key_column('usage_events'), 'occurred_at', 'usage_events is partitioned on occurred_at');
select is(relaypg.partition_key_column('usage_rollups_daily'), 'bucket', 'the rollups are partitioned on bucket');
select is(relaypg.partition_key_column('api_keys'), null, 'an unpartitioned table has none');
select is(relaypg.partition_key_column('no_such_table'), null, 'an unknown table has none');

select * from finish();
rollback;
