-- api.reset_account_state: the runtime role may call it (security definer)
-- and the reset made under that role is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.reset_account_state(uuid)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'reset_account_state', array['uuid'], 'reset_account_state is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);
select api.mark_account_blocked(tests.account_id('a1'), 'unauthorized');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.reset_account_state(current_setting('tests.account_id')::uuid)).unavailable_reason, null,
  'as the runtime role, the account is reset');
reset role;

select is((tests.account(tests.account_id('a1'))).blocked_reason, null, 'the reset made as the runtime role is stored');

select * from finish();
rollback;
