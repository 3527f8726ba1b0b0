-- api.get_api_key: the runtime role may call it.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.get_api_key(uuid)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'get_api_key', array['uuid'], 'get_api_key is security definer');

select set_config('tests.key_id', tests.create_key('k1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.get_api_key(current_setting('tests.key_id')::uuid)).name, 'k1', 'as the runtime role, a key is read');
reset role;

select * from finish();
rollback;
