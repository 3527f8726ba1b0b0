-- api.mark_account_rate_limited with an upstream reset time in the future:
-- unavailable exactly until then (for every kind, Console included), skipped
-- by the shared pool, and available again by itself once it has passed.
begin;
select plan(14);

select tests.create_account('a', 'claude-official', '{"priority": 10}');
select tests.create_account('b', 'claude-official', '{"priority": 90}');
select tests.create_account('c', 'claude-console', '{"rate_limit_minutes": 5, "priority": 95}');
select tests.create_key('k1');

create temp table limited on commit drop as
  select * from api.mark_account_rate_limited(tests.account_id('a'), now() + interval '37 minutes');

select is((select rate_limited_until from limited), now() + interval '37 minutes', 'rate_limited_until is the upstream reset time');
select is((select unavailable_reason from limited), 'rate_limited', 'the returned account is unavailable: rate_limited');
select is((select version from limited), 2::bigint, 'the rate limit bumps the version');
select is((tests.account(tests.account_id('a'))).rate_limited_at, now(), 'rate_limited_at is now');
select is((select error_message from limited),
  'rate limited until ' || to_char((now() + interval '37 minutes') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'error_message says until when (ISO, UTC)');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'rate_limited', 'get_account reports rate_limited');
select is(tests.selected(tests.key_id('k1')), 'b', 'a shared-pool key does not get the rate-limited account');

select tests.age_account(tests.account_id('a'), '36 minutes 59 seconds');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'rate_limited', 'one second before the reset time it is still limited');
select is(tests.selected(tests.key_id('k1')), 'b', 'and still skipped');

select tests.age_account(tests.account_id('a'), '1 second');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, null, 'at the reset time it is available again by itself');
select is(tests.selected(tests.key_id('k1')), 'a', 'and the pool picks it again without any call');
select is((tests.account(tests.account_id('a'))).rate_limited_until, now(),
  'nothing was cleared: the stale end time is simply in the past');

select is((api.mark_account_rate_limited(tests.account_id('c'), now() + interval '2 hours')).rate_limited_until,
  now() + interval '2 hours', 'for a Console account too, a future upstream reset time wins over rate_limit_minutes');
select is((api.get_account(tests.account_id('c'))).unavailable_reason, 'rate_limited', 'the Console account is rate limited');

select * from finish();
rollback;
