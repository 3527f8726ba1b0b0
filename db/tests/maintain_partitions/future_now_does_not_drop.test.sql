-- api.maintain_partitions measures retention from the earlier of p_now and
-- now(): a p_now in the future never drops a partition that is still within
-- retention by the real clock.
begin;
select plan(3);

set local timezone = 'UTC';
select api.maintain_partitions();

select is_empty($$select * from api.maintain_partitions(p_now => now() + interval '2 years') where action = 'dropped'$$,
  'maintenance two years ahead drops nothing');
select isnt(to_regclass('relaypg.usage_events_p' || to_char(now(), 'YYYY_MM')), null, 'this month''s events partition stays');
select isnt(to_regclass('relaypg.usage_rollups_hourly_p' || to_char(now(), 'YYYY_MM')), null,
  'this month''s hourly rollup partition stays');

select * from finish();
rollback;
