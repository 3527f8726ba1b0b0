-- api.purge_api_key: the runtime role may call it and the row is removed.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.purge_api_key(uuid)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'purge_api_key', array['uuid'], 'purge_api_key is security definer');

select set_config('tests.key_id', tests.create_key('k1')::text, true);
select api.delete_api_key(tests.key_id('k1'), 'admin', 'admin');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.purge_api_key(current_setting('tests.key_id')::uuid), current_setting('tests.key_id')::uuid,
  'as the runtime role, a deleted key is purged');
reset role;

select is(tests.key_id('k1'), null, 'the purge made as the runtime role removed the row');

select * from finish();
rollback;
