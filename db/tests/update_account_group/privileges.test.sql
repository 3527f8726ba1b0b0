-- api.update_account_group: the runtime role may call it and the change is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.update_account_group(uuid, jsonb)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'update_account_group', array['uuid', 'jsonb'], 'update_account_group is security definer');

select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.update_account_group(current_setting('tests.group_id')::uuid, '{"description": "by app"}')).description,
  'by app', 'as the runtime role, a group is updated');
reset role;

select is((select g.description from relaypg.account_groups g where g.id = current_setting('tests.group_id')::uuid),
  'by app', 'the change made as the runtime role is stored');

select * from finish();
rollback;
