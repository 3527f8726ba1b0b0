-- api.purge_expired_leases: the runtime role may call it (security definer,
-- writing the private lease table) and the purge made as that role is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.purge_expired_leases()'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'purge_expired_leases', array[]::text[], 'purge_expired_leases is security definer');

select tests.create_key('k1', '{"concurrency_limit": 1}');
select api.admit_request(tests.key_id('k1'), 1, 'r1', 'claude', 'claude-sonnet-4-20250514', p_select => false);
update relaypg.concurrency_leases set expires_at = now() - interval '1 minute';

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.purge_expired_leases(), 1::bigint, 'as the runtime role, the expired lease is purged');
reset role;

select is((select count(*) from relaypg.concurrency_leases), 0::bigint, 'the purge made as the runtime role is stored');

select * from finish();
rollback;
