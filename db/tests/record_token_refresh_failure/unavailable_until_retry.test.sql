-- api.record_token_refresh_failure: the account is unavailable
-- ('refresh_failed') until now + retry_after (default 10 minutes), then
-- available again by itself (to be retried).
begin;
select plan(15);

select tests.create_account('a', 'claude-official', '{"priority": 10}');
select tests.create_account('z', 'claude-official', '{"priority": 90}');
select tests.create_key('k1');

create temp table failed on commit drop as
  select * from api.record_token_refresh_failure(tests.account_id('a'), 'invalid_grant: refresh token revoked');
select is((select refresh_failed_at from failed), now(), 'refresh_failed_at is now');
select is((select refresh_retry_at from failed), now() + interval '10 minutes', 'refresh_retry_at is now + 10 minutes by default');
select is((select error_message from failed), 'invalid_grant: refresh token revoked', 'error_message is the given message');
select is((select unavailable_reason from failed), 'refresh_failed', 'the account is unavailable: refresh_failed');
select is((select version from failed), 2::bigint, 'the failure bumps the version');
select is(tests.selected(tests.key_id('k1')), 'z', 'a shared-pool key does not get it');

select tests.age_account(tests.account_id('a'), '9 minutes 59 seconds');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'refresh_failed', 'a second before the retry time it is still unavailable');
select tests.age_account(tests.account_id('a'), '1 second');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, null, 'at the retry time it is available again by itself');
select is(tests.selected(tests.key_id('k1')), 'a', 'and the pool picks it again');

select is((api.record_token_refresh_failure(tests.account_id('a'), 'boom', '2 hours')).refresh_retry_at, now() + interval '2 hours',
  'retry_after sets the retry time (2 hours)');
select tests.age_account(tests.account_id('a'), '1 hour 59 minutes');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'refresh_failed', 'after 1h59 it is still unavailable');
select tests.age_account(tests.account_id('a'), '1 minute');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, null, 'after 2 hours it is available by itself');

select is((api.record_token_refresh_failure(tests.account_id('a'), null)).error_message, '', 'a null message is stored as empty');
select is(char_length((api.record_token_refresh_failure(tests.account_id('a'), repeat('x', 3000))).error_message), 2000,
  'a long message is cut at 2000 characters');
select is((api.account_credentials(tests.account_id('a'), tests.keyring())).secrets, '{"accessToken": "test-access-token"}'::jsonb,
  'the stored tokens are kept (the caller falls back to them)');

select * from finish();
rollback;
