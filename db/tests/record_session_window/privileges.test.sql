-- api.record_session_window: the runtime role may call it (security definer)
-- and the window recorded under that role is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.record_session_window(uuid, text)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'record_session_window', array['uuid', 'text'], 'record_session_window is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.record_session_window(current_setting('tests.account_id')::uuid, 'allowed')).session_window_status, 'allowed',
  'as the runtime role, the window status is recorded');
reset role;

select is((tests.account(tests.account_id('a1'))).session_window_start, date_trunc('hour', now(), 'UTC'),
  'the window recorded as the runtime role is stored');

select * from finish();
rollback;
