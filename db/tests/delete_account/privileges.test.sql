-- api.delete_account: the runtime role may call it and the delete is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.delete_account(uuid, boolean)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'delete_account', array['uuid', 'boolean'], 'delete_account is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.delete_account(current_setting('tests.account_id')::uuid), 0,
  'as the runtime role, an account is deleted (no key unbound)');
reset role;

select is(tests.account_id('a1'), null, 'the delete made as the runtime role is stored');

select * from finish();
rollback;
