-- api.resume_account ends only the admin pause: an automatic stop (rate
-- limit, 401/403) keeps its own end, and the account stays unavailable.
begin;
select plan(5);

select tests.create_account('a');
select tests.create_account('c');
select api.mark_account_rate_limited(tests.account_id('a'), now() + interval '2 hours');
select api.pause_account(tests.account_id('a'));
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'paused', 'paused and rate limited shows paused');

create temp table resumed on commit drop as select * from api.resume_account(tests.account_id('a'));
select is((select unavailable_reason from resumed), 'rate_limited', 'after the resume it is still rate limited');
select is((select rate_limited_until from resumed), now() + interval '2 hours', 'with the same end time');

select api.mark_account_blocked(tests.account_id('c'), 'unauthorized', '401');
select api.pause_account(tests.account_id('c'));
select is((api.resume_account(tests.account_id('c'))).unavailable_reason, 'unauthorized',
  'a resume does not clear a 401');
select is((tests.account(tests.account_id('c'))).blocked_reason, 'unauthorized', 'blocked_reason is kept');

select * from finish();
rollback;
