-- api.admit_request: the same request id admitted again (a retry) is not
-- counted against itself: its one lease is refreshed to now() + p_lease_ttl,
-- even at the concurrency limit and even when it had expired, while another
-- request is still refused.
begin;
select plan(7);

select tests.create_key('k1', '{"concurrency_limit": 1}');
create function pg_temp.admit(p_request_id text, p_lease_ttl interval default '10 minutes')
returns timestamptz language sql volatile
return (select a.lease_expires_at
          from api.admit_request(tests.key_id('k1'), (tests.key(tests.key_id('k1'))).auth_version, p_request_id, 'claude',
                                 'claude-sonnet-4-20250514', p_select => false, p_lease_ttl => p_lease_ttl) a);

select is(pg_temp.admit('r1', '5 minutes'), now() + interval '5 minutes', 'r1 takes the only slot');
select is(pg_temp.admit('r1', '20 minutes'), now() + interval '20 minutes', 'r1 admitted again at the limit gets a refreshed lease');
select is((select array_agg(row(l.request_id, l.expires_at)::text) from relaypg.concurrency_leases l),
  array[row('r1', now() + interval '20 minutes')::text], 'it still holds one lease, with the new expiry');
select throws_ok($$select pg_temp.admit('r2')$$, 'LMCON', null, 'another request is still refused');
select is((tests.error_info($$select pg_temp.admit('r2')$$) ->> 'detail')::jsonb ->> 'current', '1',
  'counting the one lease of r1');

update relaypg.concurrency_leases set expires_at = now() - interval '1 minute' where request_id = 'r1';
select is(pg_temp.admit('r1'), now() + interval '10 minutes', 'an expired lease of r1 is renewed by its re-admission');
select is((select count(*) from relaypg.concurrency_leases), 1::bigint, 'in place: there is still one lease');

select * from finish();
rollback;
