-- api.get_account_group: the runtime role may call it and it works under that role.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.get_account_group(uuid)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'get_account_group', array['uuid'], 'get_account_group is security definer');

select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.get_account_group(current_setting('tests.group_id')::uuid)).name, 'g',
  'as the runtime role, a group is read');
reset role;

select * from finish();
rollback;
