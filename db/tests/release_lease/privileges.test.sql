-- api.release_lease: the runtime role may call it (security definer, writing
-- the private lease table) and the release made as that role is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.release_lease(text)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'release_lease', array['text'], 'release_lease is security definer');

select tests.create_key('k1', '{"concurrency_limit": 1}');
select api.admit_request(tests.key_id('k1'), 1, 'r1', 'claude', 'claude-sonnet-4-20250514', p_select => false);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.release_lease('r1'), true, 'as the runtime role, the lease is released');
reset role;

select is((select count(*) from relaypg.concurrency_leases), 0::bigint, 'the release made as the runtime role is stored');

select * from finish();
rollback;
