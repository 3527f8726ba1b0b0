-- relaypg.iso_timestamp writes JavaScript's toISOString shape in UTC,
-- whatever the session's time zone, and null for null.
begin;
select plan(4);

set local timezone = 'Asia/Shanghai';
select is(relaypg.iso_timestamp('2025-08-07T06:03:00Z'), '2025-08-07T06:03:00.000Z', 'UTC with milliseconds and Z');
select is(relaypg.iso_timestamp('2025-08-07T14:03:00.123456+08:00'), '2025-08-07T06:03:00.123Z',
  'an offset is converted to UTC; microseconds are cut to milliseconds');
select is(relaypg.iso_timestamp('2024-02-29T23:59:59.999Z'), '2024-02-29T23:59:59.999Z', 'a leap day keeps its date');
select is(relaypg.iso_timestamp(null), null, 'null stays null');

select * from finish();
rollback;
