-- api.admit_request raises RVINV for a request id that is not 1 to 128
-- characters (column request_id) and for a lease TTL that is not positive or
-- longer than a day (column lease_ttl), before it looks at the key; the
-- bounds themselves are accepted.
begin;
select plan(14);

select tests.create_key('k1', '{"concurrency_limit": 3}');
create function pg_temp.admit(p_request_id text, p_lease_ttl interval default '10 minutes') returns timestamptz
language sql volatile
return (select a.lease_expires_at
          from api.admit_request(tests.key_id('k1'), (tests.key(tests.key_id('k1'))).auth_version, p_request_id, 'claude',
                                 'claude-sonnet-4-20250514', p_select => false, p_lease_ttl => p_lease_ttl) a);

select throws_ok($$select pg_temp.admit(null)$$, 'RVINV', null, 'a null request id raises RVINV');
select is(tests.error_column($$select pg_temp.admit(null)$$), 'request_id', 'naming request_id');
select is(tests.error_column($$select pg_temp.admit('')$$), 'request_id', 'an empty request id names request_id');
select is(tests.error_column($$select pg_temp.admit(repeat('r', 129))$$), 'request_id',
  'a request id of 129 characters names request_id');
select throws_ok($$select api.admit_request('00000000-0000-4000-8000-000000000000', 1, '', 'claude', 'm', p_select => false)$$,
  'RVINV', null, 'the request id is checked before the key (an unknown key still gets RVINV)');

select throws_ok($$select pg_temp.admit('r1', null)$$, 'RVINV', null, 'a null lease TTL raises RVINV');
select is(tests.error_column($$select pg_temp.admit('r1', null)$$), 'lease_ttl', 'naming lease_ttl');
select is(tests.error_column($$select pg_temp.admit('r1', '0 seconds')$$), 'lease_ttl', 'a zero lease TTL names lease_ttl');
select is(tests.error_column($$select pg_temp.admit('r1', '-1 minute')$$), 'lease_ttl', 'a negative lease TTL names lease_ttl');
select is(tests.error_column($$select pg_temp.admit('r1', '1 day 1 second')$$), 'lease_ttl',
  'a lease TTL over a day names lease_ttl');
select is((select count(*) from relaypg.concurrency_leases), 0::bigint, 'no refused call took a lease');

select is(pg_temp.admit(repeat('r', 128)), now() + interval '10 minutes', 'a request id of 128 characters is admitted');
select is(pg_temp.admit('r1', '1 day'), now() + interval '1 day', 'a lease TTL of exactly a day is accepted');
select is(pg_temp.admit('x'), now() + interval '10 minutes', 'a request id of one character is admitted');

select * from finish();
rollback;
