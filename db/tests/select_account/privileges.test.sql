-- api.select_account: the runtime role may call it (security definer) and a
-- selection made as that role is recorded.
begin;
select plan(5);

select ok(tests.app_role_is_granted_execute('api.select_account(uuid, text, text, text, interval, interval, boolean)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'select_account', array['uuid', 'text', 'text', 'text', 'interval', 'interval', 'boolean'],
  'select_account is security definer');

select set_config('tests.key_id', tests.create_key('k1')::text, true);
select set_config('tests.account_id', tests.create_account('a1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.select_account(current_setting('tests.key_id')::uuid, 'claude', 'claude-sonnet-4-20250514', 'session-1')).account_id,
  current_setting('tests.account_id')::uuid, 'as the runtime role, an account is selected');
reset role;

select is((tests.account(tests.account_id('a1'))).last_used_at, now(), 'its last use made as the runtime role is stored');
select is((select account_id from relaypg.sticky_sessions where platform = 'claude' and session_hash = 'session-1'),
  tests.account_id('a1'), 'and so is the sticky mapping');

select * from finish();
rollback;
