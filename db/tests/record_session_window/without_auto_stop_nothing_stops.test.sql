-- api.record_session_window on an account without auto_stop_on_warning: the
-- status is stored but nothing stops the account (allowed_warning or rejected).
begin;
select plan(6);

select tests.create_account('a', 'claude-official', '{"priority": 10}');
select tests.create_account('z', 'claude-official', '{"priority": 90}');
select tests.create_key('k1');

create temp table warned on commit drop as select * from api.record_session_window(tests.account_id('a'), 'allowed_warning');
select is((select session_window_status from warned), 'allowed_warning', 'the status is stored');
select is((select five_hour_stopped_until from warned), null, 'no stop is set');
select is((select unavailable_reason from warned), null, 'the account stays available');
select is(tests.selected(tests.key_id('k1')), 'a', 'the pool still picks it');

select is((api.record_session_window(tests.account_id('a'), 'rejected')).unavailable_reason, null,
  'rejected does not stop it either (the 429 does, through mark_account_rate_limited)');
select is((tests.account(tests.account_id('a'))).five_hour_stopped_at, null, 'five_hour_stopped_at stays null');

select * from finish();
rollback;
