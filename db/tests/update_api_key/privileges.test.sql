-- api.update_api_key: the runtime role may call it and the change is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.update_api_key(uuid, jsonb)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'update_api_key', array['uuid', 'jsonb'], 'update_api_key is security definer');

select set_config('tests.key_id', tests.create_key('k1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.update_api_key(current_setting('tests.key_id')::uuid, '{"description": "by app"}')).description,
  'by app', 'as the runtime role, a key is updated');
reset role;

select is((tests.key(tests.key_id('k1'))).description, 'by app', 'the change made as the runtime role is stored');

select * from finish();
rollback;
