-- relaypg.account_unavailable_reason reads every timed state against p_at:
-- a state whose end is at or before p_at no longer counts, whatever flags or
-- times are left behind (state by time, never by stale flags). Admin states
-- and 401/403 have no end.
begin;
select plan(12);

select tests.create_account('a');
create function pg_temp.reason(p_changes jsonb, p_at timestamptz) returns text
language sql stable
return relaypg.account_unavailable_reason(jsonb_populate_record(tests.account(tests.account_id('a')), p_changes), p_at);

select is(pg_temp.reason('{"rate_limited_until": "2026-01-01T12:00:00Z"}', '2026-01-01T11:59:59Z'), 'rate_limited',
  'rate_limited a second before its end');
select is(pg_temp.reason('{"rate_limited_until": "2026-01-01T12:00:00Z"}', '2026-01-01T12:00:00Z'), null,
  'available at its end exactly');
select is(pg_temp.reason('{"overloaded_until": "2026-01-01T12:00:00Z"}', '2026-01-01T12:00:00Z'), null, 'overloaded ends at its end');
select is(pg_temp.reason('{"temp_error_until": "2026-01-01T12:00:00Z"}', '2026-01-01T12:00:00Z'), null, 'temp_error ends at its end');
select is(pg_temp.reason('{"refresh_retry_at": "2026-01-01T12:00:00Z"}', '2026-01-01T12:00:00Z'), null, 'refresh_failed ends at the retry time');
select is(pg_temp.reason('{"five_hour_stopped_until": "2026-01-01T12:00:00Z"}', '2026-01-01T12:00:00Z'), null,
  'five_hour_stopped ends at the window end');
select is(pg_temp.reason('{"quota_stopped_until": "2026-01-01T12:00:00Z"}', '2026-01-01T12:00:00Z'), null,
  'quota_exceeded ends at the reset time');
select is(pg_temp.reason('{"rate_limited_until": "2026-01-01T12:00:00Z", "quota_stopped_until": "2026-01-02T00:00:00Z"}',
                         '2026-01-01T13:00:00Z'), 'quota_exceeded', 'an ended rate limit does not hide a running quota stop');
select is(pg_temp.reason('{"rate_limited_at": "2026-01-01T11:00:00Z", "server_error_count": 3, "refresh_failed_at": "2026-01-01T11:00:00Z", "five_hour_stopped_at": "2026-01-01T11:00:00Z", "quota_stopped_at": "2026-01-01T11:00:00Z", "error_message": "old"}',
                         '2026-01-01T12:00:00Z'), null, 'leftover markers without a running end time make nothing unavailable');
select is(pg_temp.reason('{"blocked_reason": "blocked", "blocked_at": "2020-01-01T00:00:00Z"}', '2030-01-01T00:00:00Z'), 'blocked',
  'a 403 does not end with time');
select is(pg_temp.reason('{"is_paused": true}', '2030-01-01T00:00:00Z'), 'paused', 'a pause does not end with time');
select is(pg_temp.reason('{"quota_stopped_until": "2026-01-02T00:00:00Z"}', '2025-12-31T00:00:00Z'), 'quota_exceeded',
  'p_at decides, not now(): a stop that ended before now() still counts at an earlier p_at');

select * from finish();
rollback;
