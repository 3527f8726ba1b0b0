-- api.reset_account_state clears every automatic state at once (rate limit,
-- overload, 5xx counter and temp_error, 401/403, refresh failure, 5-hour stop,
-- quota stop, error message); the session window and settings stay.
begin;
select plan(23);

select tests.create_account('a', 'claude-official', '{"priority": 10, "auto_stop_on_warning": true}');
select tests.create_account('z', 'claude-official', '{"priority": 90}');
select tests.create_key('k1');
select set_config('tests.a', tests.account_id('a')::text, true);

select api.record_session_window(tests.account_id('a'), 'allowed_warning');
select api.mark_account_quota_exceeded(tests.account_id('a'), 'UTC');
select api.record_token_refresh_failure(tests.account_id('a'), 'refresh failed');
select api.record_account_server_error(tests.account_id('a')) from generate_series(1, 4);
select api.record_account_server_error(tests.account_id('a'));
select api.mark_account_overloaded(tests.account_id('a'), 60);
select api.mark_account_rate_limited(tests.account_id('a'), now() + interval '3 hours');
select api.mark_account_blocked(tests.account_id('a'), 'unauthorized', '401');

select is(tests.selected(tests.key_id('k1')), 'z', 'before the reset the pool skips a');
select is((select row(a.rate_limited_until, a.rate_limited_at, a.overloaded_until, a.server_error_count, a.server_errors_since,
                      a.temp_error_until, a.blocked_reason, a.blocked_at, a.refresh_failed_at, a.refresh_retry_at,
                      a.five_hour_stopped_at, a.five_hour_stopped_until, a.quota_stopped_at, a.quota_stopped_until, a.error_message)::text
             from tests.account(tests.account_id('a')) a),
  row(now() + interval '3 hours', now(), now() + interval '1 hour', 1, now(), now() + interval '5 minutes', 'unauthorized', now(),
      now(), now() + interval '10 minutes', now(), date_trunc('hour', now(), 'UTC') + interval '5 hours', now(),
      (date_trunc('day', now(), 'UTC') + interval '1 day'), '401')::text,
  'before the reset every automatic state is set');

create temp table reset on commit drop as select * from api.reset_account_state(tests.account_id('a'));
create temp table stored on commit drop as select * from tests.account(current_setting('tests.a')::uuid);

select is((select unavailable_reason from reset), null, 'the returned account is available');
select is((select rate_limited_until from stored), null, 'rate_limited_until cleared');
select is((select rate_limited_at from stored), null, 'rate_limited_at cleared');
select is((select overloaded_until from stored), null, 'overloaded_until cleared');
select is((select server_error_count from stored), 0, 'server_error_count cleared');
select is((select server_errors_since from stored), null, 'server_errors_since cleared');
select is((select temp_error_until from stored), null, 'temp_error_until cleared');
select is((select blocked_reason from stored), null, 'blocked_reason cleared');
select is((select blocked_at from stored), null, 'blocked_at cleared');
select is((select refresh_failed_at from stored), null, 'refresh_failed_at cleared');
select is((select refresh_retry_at from stored), null, 'refresh_retry_at cleared');
select is((select five_hour_stopped_at from stored), null, 'five_hour_stopped_at cleared');
select is((select five_hour_stopped_until from stored), null, 'five_hour_stopped_until cleared');
select is((select quota_stopped_at from stored), null, 'quota_stopped_at cleared');
select is((select quota_stopped_until from stored), null, 'quota_stopped_until cleared');
select is((select error_message from stored), '', 'error_message cleared');
select is((select session_window_end from stored), date_trunc('hour', now(), 'UTC') + interval '5 hours', 'the session window is kept');
select is((select session_window_status from stored), 'allowed_warning', 'and its status');
select is((select auto_stop_on_warning from stored), true, 'settings are kept');
select is(tests.selected(tests.key_id('k1')), 'a', 'a shared-pool key gets the account again');

select is((api.reset_account_state(tests.account_id('a'))).version, (select version from reset),
  'resetting an account with no state changes nothing (no version bump)');

select * from finish();
rollback;
