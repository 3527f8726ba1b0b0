-- api.record_session_window opens a 5-hour window starting on the (UTC) hour
-- when none is open or the last one has ended, keeps an open one, and stores
-- the 5h status (null = bookkeeping only). Window times alone do not bump the
-- version.
begin;
select plan(14);

select tests.create_account('a');

create temp table opened on commit drop as select * from api.record_session_window(tests.account_id('a'), 'allowed');
select is((select session_window_start from opened), date_trunc('hour', now(), 'UTC'), 'the window starts on the hour');
select is((select session_window_end from opened), date_trunc('hour', now(), 'UTC') + interval '5 hours', 'and lasts 5 hours');
select is((select session_window_status from opened), 'allowed', 'the status is stored');
select is((select unavailable_reason from opened), null, 'the account is available');
select is((select version from opened), 2::bigint, 'a new status bumps the version');

select tests.age_account(tests.account_id('a'), '2 hours');
select is((select version from tests.account(tests.account_id('a'))), 3::bigint, '(age_account bumped it to 3)');
create temp table kept on commit drop as select * from api.record_session_window(tests.account_id('a'), null);
select is((select session_window_start from kept), date_trunc('hour', now(), 'UTC') - interval '2 hours',
  '2 hours later the open window is kept (same start)');
select is((select session_window_end from kept), date_trunc('hour', now(), 'UTC') + interval '3 hours', '(same end)');
select is((select session_window_status from kept), 'allowed', 'a null status keeps the stored one');
select is((select version from kept), 3::bigint, 'bookkeeping only: no version bump');

select is((api.record_session_window(tests.account_id('a'), 'rejected')).session_window_status, 'rejected', 'a new status replaces it');

select tests.age_account(tests.account_id('a'), '3 hours');
create temp table reopened on commit drop as select * from api.record_session_window(tests.account_id('a'), 'allowed');
select is((select session_window_start from reopened), date_trunc('hour', now(), 'UTC'),
  'when the window has ended, a new one opens on the current hour');
select is((select session_window_end from reopened), date_trunc('hour', now(), 'UTC') + interval '5 hours', 'for 5 hours');

-- The window is on the UTC hour whatever the caller's session time zone
-- (Asia/Kolkata is UTC+05:30: its local hours start at :30 UTC).
select tests.create_account('kolkata');
set local timezone = 'Asia/Kolkata';
select api.record_session_window(tests.account_id('kolkata'), 'allowed');
reset timezone;
select is((tests.account(tests.account_id('kolkata'))).session_window_start, date_trunc('hour', now(), 'UTC'),
  'under a UTC+05:30 session the window still starts on the UTC hour');

select * from finish();
rollback;
