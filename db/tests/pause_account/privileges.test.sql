-- api.pause_account: the runtime role may call it (security definer) and the
-- pause made under that role is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.pause_account(uuid)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'pause_account', array['uuid'], 'pause_account is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.pause_account(current_setting('tests.account_id')::uuid)).unavailable_reason, 'paused',
  'as the runtime role, the account is paused');
reset role;

select is((tests.account(tests.account_id('a1'))).is_paused, true, 'the pause made as the runtime role is stored');

select * from finish();
rollback;
