-- api.record_token_refresh_failure: the runtime role may call it (security
-- definer) and the failure recorded under that role is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.record_token_refresh_failure(uuid, text, interval)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'record_token_refresh_failure', array['uuid', 'text', 'interval'],
  'record_token_refresh_failure is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.record_token_refresh_failure(current_setting('tests.account_id')::uuid, 'invalid_grant')).unavailable_reason,
  'refresh_failed', 'as the runtime role, a refresh failure is recorded');
reset role;

select is((tests.account(tests.account_id('a1'))).refresh_retry_at, now() + interval '10 minutes',
  'the failure recorded as the runtime role is stored');

select * from finish();
rollback;
