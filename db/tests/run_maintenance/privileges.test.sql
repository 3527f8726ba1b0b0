-- api.run_maintenance: the runtime role may call it and the run is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.run_maintenance()'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'run_maintenance', array[]::text[], 'run_maintenance is security definer');

select tests.create_account('a1');
insert into relaypg.sticky_sessions (platform, session_hash, account_id, created_at, expires_at)
values ('claude', 'old', tests.account_id('a1'), now() - interval '2 hours', now() - interval '1 hour');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select row(ran, sticky_sessions, oauth_sessions) from api.run_maintenance())::text,
  row(true, 1::bigint, 0::bigint)::text, 'as the runtime role, maintenance runs');
reset role;

select is((select count(*) from relaypg.sticky_sessions), 0::bigint, 'the purge made as the runtime role is stored');

select * from finish();
rollback;
