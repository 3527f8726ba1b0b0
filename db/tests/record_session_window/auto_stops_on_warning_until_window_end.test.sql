-- api.record_session_window with allowed_warning on an account with
-- auto_stop_on_warning: stopped ('five_hour_stopped') until the current window
-- ends, then available again by itself, with no call (CRS never recovered it).
begin;
select plan(14);

select tests.create_account('a', 'claude-official', '{"priority": 10, "auto_stop_on_warning": true}');
select tests.create_account('z', 'claude-official', '{"priority": 90}');
select tests.create_key('k1');

create temp table warned on commit drop as select * from api.record_session_window(tests.account_id('a'), 'allowed_warning');
select is((select five_hour_stopped_until from warned), date_trunc('hour', now(), 'UTC') + interval '5 hours',
  'stopped until the window ends');
select is((tests.account(tests.account_id('a'))).five_hour_stopped_at, now(), 'five_hour_stopped_at is now');
select is((select session_window_status from warned), 'allowed_warning', 'the status is stored');
select is((select unavailable_reason from warned), 'five_hour_stopped', 'the account is unavailable: five_hour_stopped');
select is((select is_paused from warned), false, 'it is not an admin pause');
select is(tests.selected(tests.key_id('k1')), 'z', 'a shared-pool key does not get it');

select tests.age_account(tests.account_id('a'), date_trunc('hour', now(), 'UTC') + interval '5 hours' - now() - interval '1 second');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'five_hour_stopped', 'a second before the window ends it is still stopped');
select tests.age_account(tests.account_id('a'), '1 second');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, null, 'when the window ends it is available again by itself');
select is(tests.selected(tests.key_id('k1')), 'a', 'and the pool picks it again');

-- A warning late in an open window stops the account only until that window ends.
select tests.create_account('late', 'claude-official', '{"auto_stop_on_warning": true}');
select api.record_session_window(tests.account_id('late'), 'allowed');
select tests.age_account(tests.account_id('late'), '2 hours');
select is((api.record_session_window(tests.account_id('late'), 'allowed_warning')).five_hour_stopped_until,
  date_trunc('hour', now(), 'UTC') + interval '3 hours', 'a warning 2 hours into the window stops it until that window''s end');
select tests.age_account(tests.account_id('late'), '5 hours');
select is((api.get_account(tests.account_id('late'))).unavailable_reason, null, '5 hours later it is available by itself');
create temp table next_window on commit drop as select * from api.record_session_window(tests.account_id('late'), 'allowed');
select is((select session_window_start from next_window), date_trunc('hour', now(), 'UTC'), 'its next request opens a new window');
select is((select unavailable_reason from next_window), null, 'in which it is available');
select is((api.record_session_window(tests.account_id('late'), 'allowed_warning')).five_hour_stopped_until,
  date_trunc('hour', now(), 'UTC') + interval '5 hours', 'a warning in the new window stops it until the new window''s end');

select * from finish();
rollback;
