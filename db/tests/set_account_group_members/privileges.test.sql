-- api.set_account_group_members: the runtime role may call it and the members are stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.set_account_group_members(uuid, uuid[])'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'set_account_group_members', array['uuid', 'uuid[]'], 'set_account_group_members is security definer');

select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);
select set_config('tests.account_id', tests.create_account('a1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.set_account_group_members(current_setting('tests.group_id')::uuid,
             array[current_setting('tests.account_id')::uuid])).member_ids,
  array[current_setting('tests.account_id')::uuid], 'as the runtime role, members are set');
reset role;

select is((select array_agg(m.account_id) from relaypg.account_group_members m), array[tests.account_id('a1')],
  'the members set as the runtime role are stored');

select * from finish();
rollback;
