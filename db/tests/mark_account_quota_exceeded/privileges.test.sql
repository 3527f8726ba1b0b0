-- api.mark_account_quota_exceeded: the runtime role may call it (security
-- definer) and the stop set under that role is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.mark_account_quota_exceeded(uuid, text)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'mark_account_quota_exceeded', array['uuid', 'text'], 'mark_account_quota_exceeded is security definer');

select set_config('tests.account_id', tests.create_account('c1', 'claude-console')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.mark_account_quota_exceeded(current_setting('tests.account_id')::uuid, 'UTC')).unavailable_reason, 'quota_exceeded',
  'as the runtime role, the account is stopped for its quota');
reset role;

select is((tests.account(tests.account_id('c1'))).quota_stopped_until, date_trunc('day', now(), 'UTC') + interval '1 day',
  'the stop set as the runtime role is stored');

select * from finish();
rollback;
