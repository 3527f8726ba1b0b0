-- relaypg.setting_proxy raises RVINV naming the field it was given for a
-- proxy that is not an object, has an unknown type, no host, or a bad port.
begin;
select plan(14);

create function pg_temp.column_of(p_value jsonb) returns text language sql as $$
  select tests.error_column(format('select relaypg.setting_proxy(%L, %L)', 'my_proxy', p_value));
$$;

select throws_ok($$select relaypg.setting_proxy('proxy', '"socks5://h:1080"')$$,
  'RVINV', null, 'a proxy URL string raises RVINV');
select is(pg_temp.column_of('"socks5://h:1080"'), 'my_proxy', 'the error names the field passed in');
select is(pg_temp.column_of('[]'), 'my_proxy', 'an array is refused');
select is(pg_temp.column_of('{"type": "ftp", "host": "h", "port": 21}'), 'my_proxy', 'type ftp is refused');
select is(pg_temp.column_of('{"host": "h", "port": 21}'), 'my_proxy', 'a missing type is refused');
select is(pg_temp.column_of('{"type": "http", "port": 80}'), 'my_proxy', 'a missing host is refused');
select is(pg_temp.column_of('{"type": "http", "host": " ", "port": 80}'), 'my_proxy', 'a blank host is refused');
select is(pg_temp.column_of('{"type": "http", "host": 10, "port": 80}'), 'my_proxy', 'a non-string host is refused');
select is(pg_temp.column_of('{"type": "http", "host": "h", "port": 0}'), 'my_proxy', 'port 0 is refused');
select is(pg_temp.column_of('{"type": "http", "host": "h", "port": 65536}'), 'my_proxy', 'port 65536 is refused');
select is(pg_temp.column_of('{"type": "http", "host": "h", "port": 80.5}'), 'my_proxy', 'a fractional port is refused');
select is(pg_temp.column_of('{"type": "http", "host": "h", "port": "abc"}'), 'my_proxy', 'a non-numeric port is RVINV, not a cast error');
select is(pg_temp.column_of('{"type": "http", "host": "h", "port": -1}'), 'my_proxy', 'a negative port is refused');
select is(pg_temp.column_of('{"type": "http", "host": "h"}'), 'my_proxy', 'a missing port is refused');

select * from finish();
rollback;
