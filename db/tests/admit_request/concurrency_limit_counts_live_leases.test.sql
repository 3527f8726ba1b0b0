-- api.admit_request refuses with LMCON once the key's live leases of other
-- requests reach its concurrency_limit; leases of other keys are not counted,
-- nor are expired ones (expires_at not after now(), the same instant counting
-- as expired), which admission leaves for purge. DETAIL {limit, current,
-- resetAt}: resetAt is when the key's first live lease ends.
begin;
select plan(10);

select tests.create_key('k1', '{"concurrency_limit": 2}');
select tests.create_key('k2', '{"concurrency_limit": 2}');
create function pg_temp.admit(p_key text, p_request_id text, p_lease_ttl interval default '10 minutes')
returns timestamptz language sql volatile
return (select a.lease_expires_at
          from api.admit_request(tests.key_id(p_key), (tests.key(tests.key_id(p_key))).auth_version, p_request_id, 'claude',
                                 'claude-sonnet-4-20250514', p_select => false, p_lease_ttl => p_lease_ttl) a);

select is(pg_temp.admit('k1', 'r1'), now() + interval '10 minutes', 'the first request takes a lease for the default 10 minutes');
select is(pg_temp.admit('k1', 'r2', '5 minutes'), now() + interval '5 minutes', 'the second takes one for the TTL it asks for');
select is((select array_agg(row(l.request_id, l.api_key_id, l.acquired_at, l.expires_at)::text order by l.request_id)
             from relaypg.concurrency_leases l),
  array[row('r1', tests.key_id('k1'), now(), now() + interval '10 minutes')::text,
        row('r2', tests.key_id('k1'), now(), now() + interval '5 minutes')::text],
  'both leases are stored for the key');
select is(pg_temp.admit('k2', 'other-1'), now() + interval '10 minutes', 'another key admits a request of its own');

select throws_ok($$select pg_temp.admit('k1', 'r3')$$, 'LMCON', null, 'at the limit, a third request raises LMCON');
select is((tests.error_info($$select pg_temp.admit('k1', 'r3')$$) ->> 'detail')::jsonb,
  jsonb_build_object('limit', 2, 'current', 2, 'resetAt', now() + interval '5 minutes'),
  'its detail gives the limit, the live leases and when the first of them ends');
select is((tests.error_info($$select pg_temp.admit('k1', 'r3')$$) ->> 'message'), 'concurrency limit reached: 2 of 2',
  'and its message says so');

update relaypg.concurrency_leases set expires_at = now() where request_id = 'r2';
select is(pg_temp.admit('k1', 'r3'), now() + interval '10 minutes', 'a lease expiring now is no longer counted');
select is((select count(*) from relaypg.concurrency_leases where api_key_id = tests.key_id('k1')), 3::bigint,
  'admission leaves the expired lease for purge');
select is((tests.error_info($$select pg_temp.admit('k1', 'r4')$$) ->> 'detail')::jsonb,
  jsonb_build_object('limit', 2, 'current', 2, 'resetAt', now() + interval '10 minutes'),
  'with r1 and r3 live, the limit is reached again (the expired lease neither counted nor taken as resetAt)');

select * from finish();
rollback;
