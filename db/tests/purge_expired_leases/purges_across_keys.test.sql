-- api.purge_expired_leases deletes the expired concurrency leases of every
-- key (expires_at not after now(), the instant admission stops counting
-- them), leases taken by api.admit_request, and returns how many; live
-- leases, even a microsecond from their end, stay; with nothing to purge it
-- returns 0.
begin;
select plan(4);

select tests.create_key('k1', '{"concurrency_limit": 5}');
select tests.create_key('k2', '{"concurrency_limit": 5}');
create function pg_temp.admit(p_key text, p_request_id text) returns void language sql volatile
begin atomic
  select api.admit_request(tests.key_id(p_key), (tests.key(tests.key_id(p_key))).auth_version, p_request_id, 'claude',
                           'claude-sonnet-4-20250514', p_select => false);
end;
select pg_temp.admit('k1', 'expired-long-ago');
select pg_temp.admit('k1', 'expires-now');
select pg_temp.admit('k1', 'live');
select pg_temp.admit('k2', 'expired-other-key');
select pg_temp.admit('k2', 'live-other-key');
update relaypg.concurrency_leases set expires_at = now() - interval '1 hour' where request_id in ('expired-long-ago', 'expired-other-key');
update relaypg.concurrency_leases set expires_at = now() where request_id = 'expires-now';
update relaypg.concurrency_leases set expires_at = now() + interval '1 microsecond' where request_id = 'live';

select is(api.purge_expired_leases(), 3::bigint, 'the three expired leases of both keys (one expiring now) are purged');
select is((select array_agg(l.request_id order by l.request_id) from relaypg.concurrency_leases l),
  array['live', 'live-other-key'], 'the live leases stay');
select is(api.purge_expired_leases(), 0::bigint, 'a second purge finds nothing');
delete from relaypg.concurrency_leases;
select is(api.purge_expired_leases(), 0::bigint, 'with no lease at all, it returns 0 (not null)');

select * from finish();
rollback;
