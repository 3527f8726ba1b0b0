-- api.dashboard_counts: the runtime role may call it.
begin;
select plan(2);

select ok(tests.app_role_is_granted_execute('api.dashboard_counts(timestamptz)'), 'the runtime role is granted EXECUTE');
do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select total from api.dashboard_counts() where subject = 'api_keys'), 0::bigint, 'as the runtime role, the counts are read');
reset role;

select * from finish();
rollback;
