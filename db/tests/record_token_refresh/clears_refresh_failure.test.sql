-- api.record_token_refresh ends a refresh failure at once (the account is
-- available again before the retry time) and clears its message; it does not
-- lift a 401/403 (only an admin reset does), nor erase the message explaining it.
begin;
select plan(10);

select tests.create_account('a', 'claude-official', '{"priority": 10}');
select tests.create_account('z', 'claude-official', '{"priority": 90}');
select tests.create_key('k1');

select api.record_token_refresh_failure(tests.account_id('a'), 'invalid_grant', '1 hour');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'refresh_failed', 'after a failed refresh: refresh_failed');
select is(tests.selected(tests.key_id('k1')), 'z', 'the pool skips it');

create temp table refreshed on commit drop as
  select * from api.record_token_refresh(tests.account_id('a'), now() + interval '8 hours', '{"accessToken": "t"}', tests.keyring());
select is((select unavailable_reason from refreshed), null, 'a successful refresh makes it available');
select is((select refresh_failed_at from refreshed), null, 'refresh_failed_at cleared');
select is((select refresh_retry_at from refreshed), null, 'refresh_retry_at cleared');
select is((select error_message from refreshed), '', 'error_message cleared');
select is(tests.selected(tests.key_id('k1')), 'a', 'the pool picks it again');

select api.mark_account_blocked(tests.account_id('a'), 'unauthorized', '401');
select is((api.record_token_refresh(tests.account_id('a'), now() + interval '8 hours', '{"accessToken": "u"}', tests.keyring())).unavailable_reason,
  'unauthorized', 'a refresh does not lift a 401');
select is((tests.account(tests.account_id('a'))).blocked_reason, 'unauthorized', 'blocked_reason is kept');
select is((tests.account(tests.account_id('a'))).error_message, '401',
  'and so is the message explaining the block (a refresh clears only its own failure''s message)');

select * from finish();
rollback;
