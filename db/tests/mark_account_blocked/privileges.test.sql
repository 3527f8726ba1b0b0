-- api.mark_account_blocked: the runtime role may call it (security definer)
-- and the block set under that role is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.mark_account_blocked(uuid, text, text)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'mark_account_blocked', array['uuid', 'text', 'text'], 'mark_account_blocked is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.mark_account_blocked(current_setting('tests.account_id')::uuid, 'blocked', 'HTTP 403')).unavailable_reason, 'blocked',
  'as the runtime role, the account is blocked');
reset role;

select is((tests.account(tests.account_id('a1'))).blocked_reason, 'blocked', 'the block set as the runtime role is stored');

select * from finish();
rollback;
