-- relaypg.account_unavailable_reason: every reason an account can be
-- unavailable for, null when available, and which reason wins when several
-- apply (admin decisions first, then 401/403, then the timed states).
begin;
select plan(16);

select tests.create_account('a');
-- The stored row with some columns replaced.
create function pg_temp.changed(p_changes jsonb) returns relaypg.accounts
language sql stable return jsonb_populate_record(tests.account(tests.account_id('a')), p_changes);
create function pg_temp.reason(p_changes jsonb) returns text
language sql stable return relaypg.account_unavailable_reason(pg_temp.changed(p_changes), now());
create function pg_temp.soon() returns text language sql stable return to_jsonb(now() + interval '1 minute') #>> '{}';

select is(pg_temp.reason('{}'), null, 'a fresh account is available');
select is(pg_temp.reason('{"is_active": false}'), 'inactive', 'is_active false: inactive');
select is(pg_temp.reason('{"is_paused": true}'), 'paused', 'is_paused: paused');
select is(pg_temp.reason('{"blocked_reason": "unauthorized"}'), 'unauthorized', 'a 401: unauthorized');
select is(pg_temp.reason('{"blocked_reason": "blocked"}'), 'blocked', 'a 403: blocked');
select is(pg_temp.reason(jsonb_build_object('rate_limited_until', pg_temp.soon())), 'rate_limited', 'rate_limited_until ahead: rate_limited');
select is(pg_temp.reason(jsonb_build_object('overloaded_until', pg_temp.soon())), 'overloaded', 'overloaded_until ahead: overloaded');
select is(pg_temp.reason(jsonb_build_object('temp_error_until', pg_temp.soon())), 'temp_error', 'temp_error_until ahead: temp_error');
select is(pg_temp.reason(jsonb_build_object('refresh_retry_at', pg_temp.soon())), 'refresh_failed', 'refresh_retry_at ahead: refresh_failed');
select is(pg_temp.reason(jsonb_build_object('five_hour_stopped_until', pg_temp.soon())), 'five_hour_stopped',
  'five_hour_stopped_until ahead: five_hour_stopped');
select is(pg_temp.reason(jsonb_build_object('quota_stopped_until', pg_temp.soon())), 'quota_exceeded', 'quota_stopped_until ahead: quota_exceeded');

select is(pg_temp.reason(jsonb_build_object('is_active', false, 'is_paused', true, 'blocked_reason', 'blocked',
                                            'rate_limited_until', pg_temp.soon())), 'inactive', 'inactive wins over everything');
select is(pg_temp.reason(jsonb_build_object('is_paused', true, 'blocked_reason', 'blocked', 'rate_limited_until', pg_temp.soon())),
  'paused', 'paused wins over a block and the timed states');
select is(pg_temp.reason(jsonb_build_object('blocked_reason', 'unauthorized', 'rate_limited_until', pg_temp.soon(),
                                            'quota_stopped_until', pg_temp.soon())),
  'unauthorized', 'a 401 wins over the timed states (it has no end)');
select is(pg_temp.reason(jsonb_build_object('rate_limited_until', pg_temp.soon(), 'overloaded_until', pg_temp.soon(),
    'temp_error_until', pg_temp.soon(), 'refresh_retry_at', pg_temp.soon(), 'five_hour_stopped_until', pg_temp.soon(),
    'quota_stopped_until', pg_temp.soon())),
  'rate_limited', 'among the timed states, rate_limited comes first');
select is(pg_temp.reason(jsonb_build_object('overloaded_until', pg_temp.soon(), 'quota_stopped_until', pg_temp.soon())),
  'overloaded', 'overloaded comes before quota_exceeded');

select * from finish();
rollback;
