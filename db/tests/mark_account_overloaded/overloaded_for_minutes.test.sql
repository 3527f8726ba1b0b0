-- api.mark_account_overloaded (upstream 529): unavailable for p_minutes
-- (default 10), skipped by the shared pool, available again by itself after.
begin;
select plan(12);

select tests.create_account('a', 'claude-official', '{"priority": 10}');
select tests.create_account('b', 'claude-official', '{"priority": 90}');
select tests.create_account('c', 'claude-console', '{"priority": 95}');
select tests.create_key('k1');

create temp table overloaded on commit drop as select * from api.mark_account_overloaded(tests.account_id('a'));
select is((select overloaded_until from overloaded), now() + interval '10 minutes', 'by default: now + 10 minutes');
select is((select unavailable_reason from overloaded), 'overloaded', 'the returned account is unavailable: overloaded');
select is((select version from overloaded), 2::bigint, 'the overload bumps the version');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'overloaded', 'get_account reports overloaded');
select is(tests.selected(tests.key_id('k1')), 'b', 'a shared-pool key does not get the overloaded account');

select tests.age_account(tests.account_id('a'), '9 minutes 59 seconds');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'overloaded', 'a second before the end it is still overloaded');
select tests.age_account(tests.account_id('a'), '1 second');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, null, 'after 10 minutes it is available by itself');
select is(tests.selected(tests.key_id('k1')), 'a', 'and the pool picks it again');

select is((api.mark_account_overloaded(tests.account_id('c'), 30)).overloaded_until, now() + interval '30 minutes',
  'p_minutes sets the duration (30)');
select is((api.mark_account_overloaded(tests.account_id('c'), 1)).overloaded_until, now() + interval '1 minute',
  'a new overload replaces the end time (1 minute: the lower bound)');
select is((api.mark_account_overloaded(tests.account_id('c'), 1440)).overloaded_until, now() + interval '1 day',
  '1440 minutes (a day) is the upper bound');
select tests.age_account(tests.account_id('c'), '1 day');
select is((api.get_account(tests.account_id('c'))).unavailable_reason, null, 'a day later it is available by itself');

select * from finish();
rollback;
