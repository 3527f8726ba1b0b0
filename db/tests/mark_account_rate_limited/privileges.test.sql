-- api.mark_account_rate_limited: the runtime role may call it (security
-- definer) and the rate limit set under that role is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.mark_account_rate_limited(uuid, timestamptz)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'mark_account_rate_limited', array['uuid', 'timestamp with time zone'],
  'mark_account_rate_limited is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.mark_account_rate_limited(current_setting('tests.account_id')::uuid, now() + interval '20 minutes')).unavailable_reason,
  'rate_limited', 'as the runtime role, the account is rate limited');
reset role;

select is((tests.account(tests.account_id('a1'))).rate_limited_until, now() + interval '20 minutes',
  'the rate limit set as the runtime role is stored');

select * from finish();
rollback;
