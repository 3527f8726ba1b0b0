-- api.delete_account_group: the runtime role may call it and the delete is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.delete_account_group(uuid, boolean)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'delete_account_group', array['uuid', 'boolean'], 'delete_account_group is security definer');

select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.delete_account_group(current_setting('tests.group_id')::uuid), 0,
  'as the runtime role, a group is deleted (no key unbound)');
reset role;

select is((select count(*) from relaypg.account_groups), 0::bigint, 'the delete made as the runtime role is stored');

select * from finish();
rollback;
