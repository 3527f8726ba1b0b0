-- api.list_client_kinds: the runtime role may call it.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.list_client_kinds()'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'list_client_kinds', array[]::text[], 'list_client_kinds is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select cmp_ok((select count(*)::int from api.list_client_kinds()), '>=', 2, 'as the runtime role, client kinds are listed');
reset role;

select * from finish();
rollback;
