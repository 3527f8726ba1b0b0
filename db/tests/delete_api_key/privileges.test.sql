-- api.delete_api_key: the runtime role may call it and the delete is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.delete_api_key(uuid, text, text)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'delete_api_key', array['uuid', 'text', 'text'], 'delete_api_key is security definer');

select set_config('tests.key_id', tests.create_key('k1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.delete_api_key(current_setting('tests.key_id')::uuid, 'u-1', 'user')).deleted_by, 'u-1',
  'as the runtime role, a key is deleted');
reset role;

select isnt((tests.key(tests.key_id('k1'))).deleted_at, null, 'the delete made as the runtime role is stored');

select * from finish();
rollback;
