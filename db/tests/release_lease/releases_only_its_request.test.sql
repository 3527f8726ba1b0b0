-- api.release_lease ends the concurrency lease of one request id (live or
-- expired) and returns true; false when the request holds none (unknown,
-- already released, null). Other leases stay, and the released slot is free
-- for the key's next request.
begin;
select plan(8);

select tests.create_key('k1', '{"concurrency_limit": 2}');
select tests.create_key('k2', '{"concurrency_limit": 2}');
create function pg_temp.admit(p_key text, p_request_id text) returns timestamptz language sql volatile
return (select a.lease_expires_at
          from api.admit_request(tests.key_id(p_key), (tests.key(tests.key_id(p_key))).auth_version, p_request_id, 'claude',
                                 'claude-sonnet-4-20250514', p_select => false) a);
create function pg_temp.leases() returns text[] language sql stable
return (select coalesce(array_agg(l.request_id order by l.request_id), '{}') from relaypg.concurrency_leases l);

select pg_temp.admit('k1', 'r1');
select pg_temp.admit('k1', 'r2');
select pg_temp.admit('k2', 'other');
select throws_ok($$select pg_temp.admit('k1', 'r3')$$, 'LMCON', null, 'k1 is at its limit');

select is(api.release_lease('r1'), true, 'releasing r1 returns true');
select is(pg_temp.leases(), array['other', 'r2'], 'only r1''s lease is gone');
select is(pg_temp.admit('k1', 'r3'), now() + interval '10 minutes', 'and its slot is free');
select is(api.release_lease('r1'), false, 'releasing r1 again returns false');
select is(api.release_lease('unknown'), false, 'so does releasing a request that never held a lease');
select is(api.release_lease(null), false, 'or a null request id');

update relaypg.concurrency_leases set expires_at = now() - interval '1 minute' where request_id = 'r2';
select is(api.release_lease('r2'), true, 'an expired lease is released too (true)');

select * from finish();
rollback;
