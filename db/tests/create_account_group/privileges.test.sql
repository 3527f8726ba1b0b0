-- api.create_account_group: the runtime role may call it and the group is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.create_account_group(jsonb)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'create_account_group', array['jsonb'], 'create_account_group is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.create_account_group('{"name": "by app", "platform": "gemini"}')).name, 'by app',
  'as the runtime role, a group is created');
reset role;

select is((select g.platform from relaypg.account_groups g where g.name = 'by app'), 'gemini',
  'the group created as the runtime role is stored');

select * from finish();
rollback;
