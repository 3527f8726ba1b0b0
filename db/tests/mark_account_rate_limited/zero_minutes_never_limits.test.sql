-- api.mark_account_rate_limited on a Console, CCR or OpenAI-Responses account
-- with rate_limit_minutes = 0 (CRS rateLimitDuration 0: rate limiting off)
-- changes nothing, even with an upstream reset time. The setting does not
-- apply to other kinds.
begin;
select plan(9);

select tests.create_account('c', 'claude-console', '{"rate_limit_minutes": 0, "priority": 10}');
select tests.create_account('r', 'ccr', '{"rate_limit_minutes": 0}');
select tests.create_account('o', 'openai-responses', '{"rate_limit_minutes": 0}');
select tests.create_account('a', 'claude-official', '{"rate_limit_minutes": 0}');
select tests.create_key('k1');

create temp table marked on commit drop as
  select * from api.mark_account_rate_limited(tests.account_id('c'), now() + interval '1 hour');
select is((select unavailable_reason from marked), null, 'Console with 0 minutes: still available');
select is((select rate_limited_until from marked), null, 'no rate_limited_until is set');
select is((tests.account(tests.account_id('c'))).rate_limited_at, null, 'no rate_limited_at is stored');
select is((tests.account(tests.account_id('c'))).version, 1::bigint, 'the row is not written (version unchanged)');
select is((tests.account(tests.account_id('c'))).error_message, '', 'no error message');
select is(tests.selected(tests.key_id('k1'), null, 'claude-sonnet-4-20250514'), 'c', 'the pool still picks it');

select is((api.mark_account_rate_limited(tests.account_id('r'))).unavailable_reason, null, 'CCR with 0 minutes: still available');
select is((api.mark_account_rate_limited(tests.account_id('o'))).unavailable_reason, null, 'OpenAI-Responses with 0 minutes: still available');

select is((api.mark_account_rate_limited(tests.account_id('a'))).rate_limited_until, now() + interval '1 hour',
  'a Claude OAuth account ignores rate_limit_minutes: one hour');

select * from finish();
rollback;
