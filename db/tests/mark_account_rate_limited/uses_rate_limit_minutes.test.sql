-- api.mark_account_rate_limited for Console, CCR and OpenAI-Responses
-- accounts without a future reset time: rate_limit_minutes (even while a
-- session window is open), then available again by itself.
begin;
select plan(13);

select tests.create_account('c', 'claude-console', '{"rate_limit_minutes": 30, "priority": 10}');
select tests.create_account('fallback', 'claude-official', '{"priority": 90}');
select tests.create_account('r', 'ccr', '{"rate_limit_minutes": 45, "priority": 10}');
select tests.create_account('r2', 'ccr', '{"priority": 90}');
select tests.create_account('o', 'openai-responses', '{"priority": 10}');
select tests.create_account('o2', 'openai', '{"priority": 90}');
select tests.create_key('k1');

select api.record_session_window(tests.account_id('c'), 'allowed');
select is((api.mark_account_rate_limited(tests.account_id('c'), now() - interval '5 minutes')).rate_limited_until,
  now() + interval '30 minutes', 'Console: rate_limit_minutes (30), not the session window end');
select is(tests.selected(tests.key_id('k1')), 'fallback', 'a shared-pool key does not get the Console account');
select tests.age_account(tests.account_id('c'), '29 minutes');
select is((api.get_account(tests.account_id('c'))).unavailable_reason, 'rate_limited', 'after 29 minutes it is still limited');
select tests.age_account(tests.account_id('c'), '1 minute');
select is((api.get_account(tests.account_id('c'))).unavailable_reason, null, 'after 30 minutes it is available by itself');
select is(tests.selected(tests.key_id('k1')), 'c', 'and the pool picks it again');

select is((api.mark_account_rate_limited(tests.account_id('r'))).rate_limited_until,
  now() + interval '45 minutes', 'CCR: rate_limit_minutes (45)');
select is(tests.selected(tests.key_id('k1'), null, 'ccr,claude-sonnet-4-20250514'), 'r2', 'a ccr, request does not get it');
select tests.age_account(tests.account_id('r'), '45 minutes');
select is(tests.selected(tests.key_id('k1'), null, 'ccr,claude-sonnet-4-20250514'), 'r', 'after 45 minutes it serves again');

select is((api.mark_account_rate_limited(tests.account_id('o'))).rate_limited_until,
  now() + interval '60 minutes', 'OpenAI-Responses: rate_limit_minutes (default 60)');
select is((api.get_account(tests.account_id('o'))).unavailable_reason, 'rate_limited', 'the Responses account is rate limited');
select is(tests.selected(tests.key_id('k1'), null, 'gpt-5', 'openai'), 'o2', 'an openai request does not get it');
select tests.age_account(tests.account_id('o'), '1 hour');
select is((api.get_account(tests.account_id('o'))).unavailable_reason, null, 'an hour later it is available by itself');
select is(tests.selected(tests.key_id('k1'), null, 'gpt-5', 'openai'), 'o', 'and serves again');

select * from finish();
rollback;
