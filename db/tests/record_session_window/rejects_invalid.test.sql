-- api.record_session_window raises ACNFD for an unknown account and RVINV
-- (status) for an unknown status; nothing is written.
begin;
select plan(4);

select tests.create_account('a', 'claude-official', '{"auto_stop_on_warning": true}');

select throws_ok($$select api.record_session_window('00000000-0000-4000-8000-000000000000', 'allowed')$$,
  'ACNFD', null, 'an unknown id raises ACNFD');
select throws_ok($$select api.record_session_window(tests.account_id('a'), 'warning')$$,
  'RVINV', null, 'an unknown status raises RVINV');
select is(tests.error_column($$select api.record_session_window(tests.account_id('a'), 'ALLOWED_WARNING')$$), 'status',
  'status values are exact: COLUMN status');
select is((select row(s.session_window_start, s.session_window_status, s.five_hour_stopped_until)::text
             from tests.account(tests.account_id('a')) s), row(null::timestamptz, null::text, null::timestamptz)::text,
  'the refused calls changed nothing');

select * from finish();
rollback;
