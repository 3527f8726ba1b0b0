-- api.list_account_groups: the runtime role may call it and it works under that role.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.list_account_groups(text)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'list_account_groups', array['text'], 'list_account_groups is security definer');

select api.create_account_group('{"name": "g", "platform": "claude"}');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select array_agg(name) from api.list_account_groups(null)), array['g'],
  'as the runtime role, groups are listed');
reset role;

select * from finish();
rollback;
