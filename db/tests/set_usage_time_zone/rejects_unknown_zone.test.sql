-- api.set_usage_time_zone raises RVINV (COLUMN time_zone) for a name that is
-- not an IANA time zone and for null; the zone is unchanged.
begin;
select plan(5);

select throws_ok($$select api.set_usage_time_zone('Mars/Olympus_Mons')$$, 'RVINV', null, 'an unknown zone raises RVINV');
select is(tests.error_column($$select api.set_usage_time_zone('Mars/Olympus_Mons')$$), 'time_zone',
  'the error names time_zone');
select throws_ok($$select api.set_usage_time_zone(null)$$, 'RVINV', null, 'a missing zone raises RVINV');
select is(tests.error_column($$select api.set_usage_time_zone('+08:00')$$), 'time_zone', 'an offset is not a zone name');
select is(relaypg.usage_time_zone(), 'Asia/Shanghai', 'the zone is unchanged');

select * from finish();
rollback;
