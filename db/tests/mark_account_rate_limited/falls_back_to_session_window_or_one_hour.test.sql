-- api.mark_account_rate_limited without a future reset time, for kinds other
-- than Console/CCR/OpenAI-Responses: until the current session window ends
-- when one is open, else one hour.
begin;
select plan(9);

select tests.create_account('none');
select tests.create_account('past');
select tests.create_account('window');
select tests.create_account('ended');
select tests.create_account('g', 'gemini');

select is((api.mark_account_rate_limited(tests.account_id('none'))).rate_limited_until, now() + interval '1 hour',
  'no reset time and no window: one hour');
select is((api.mark_account_rate_limited(tests.account_id('past'), now() - interval '1 minute')).rate_limited_until,
  now() + interval '1 hour', 'a reset time in the past is ignored: one hour');
select is((api.mark_account_rate_limited(tests.account_id('past'), now())).rate_limited_until,
  now() + interval '1 hour', 'a reset time of exactly now is not in the future: one hour');

select api.record_session_window(tests.account_id('window'), 'allowed');
select is((api.mark_account_rate_limited(tests.account_id('window'), now() - interval '1 minute')).rate_limited_until,
  date_trunc('hour', now(), 'UTC') + interval '5 hours', 'an open session window: until the window ends');
select is((api.mark_account_rate_limited(tests.account_id('window'), now() + interval '20 minutes')).rate_limited_until,
  now() + interval '20 minutes', 'a future reset time still wins over the window end');

select api.record_session_window(tests.account_id('ended'), 'allowed');
select tests.age_account(tests.account_id('ended'), '5 hours');
select cmp_ok((tests.account(tests.account_id('ended'))).session_window_end, '<=', now(), 'the window of "ended" is over');
select is((api.mark_account_rate_limited(tests.account_id('ended'))).rate_limited_until, now() + interval '1 hour',
  'a window that has ended is ignored: one hour');

select is((api.mark_account_rate_limited(tests.account_id('g'))).rate_limited_until, now() + interval '1 hour',
  'a Gemini account: one hour');
select tests.age_account(tests.account_id('g'), '1 hour');
select is((api.get_account(tests.account_id('g'))).unavailable_reason, null, 'an hour later it is available by itself');

select * from finish();
rollback;
