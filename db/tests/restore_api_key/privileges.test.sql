-- api.restore_api_key: the runtime role may call it and the restore is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.restore_api_key(uuid, text, text)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'restore_api_key', array['uuid', 'text', 'text'], 'restore_api_key is security definer');

select set_config('tests.key_id', tests.create_key('k1')::text, true);
select api.delete_api_key(tests.key_id('k1'), 'admin', 'admin');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.restore_api_key(current_setting('tests.key_id')::uuid, 'u-1', 'user')).restored_by, 'u-1',
  'as the runtime role, a key is restored');
reset role;

select is((tests.key(tests.key_id('k1'))).deleted_at, null, 'the restore made as the runtime role is stored');

select * from finish();
rollback;
