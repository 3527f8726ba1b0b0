-- api.import_crs_user: the runtime role may call it and the user is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.import_crs_user(text, jsonb)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'import_crs_user', array['text', 'jsonb'], 'import_crs_user is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.import_crs_user('user:u-1', '{"id": "u-1", "username": "alice"}'), 'inserted', 'as the runtime role, a user is imported');
reset role;

select is((select username from relaypg.users where id = 'u-1'), 'alice', 'the user is stored');

select * from finish();
rollback;
