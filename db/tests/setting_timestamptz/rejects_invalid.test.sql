-- relaypg.setting_timestamptz raises RVINV naming the field for timestamps
-- without a zone, impossible dates and non-timestamps.
begin;
select plan(6);

select throws_ok($$select relaypg.setting_timestamptz('expires_at', '"2025-08-07T06:03:00"')$$,
  'RVINV', null, 'a timestamp without a zone is refused');
select throws_ok($$select relaypg.setting_timestamptz('expires_at', '"2025-02-30T00:00:00Z"')$$,
  'RVINV', null, 'an impossible date is refused with RVINV (not a datetime error)');
select throws_ok($$select relaypg.setting_timestamptz('expires_at', '"2025-08-07T25:00:00Z"')$$,
  'RVINV', null, 'an impossible hour is refused with RVINV');
select throws_ok($$select relaypg.setting_timestamptz('expires_at', '"tomorrow"')$$,
  'RVINV', null, 'a word is refused');
select throws_ok($$select relaypg.setting_timestamptz('expires_at', '1754546580')$$,
  'RVINV', null, 'a number (epoch) is refused');
select is(tests.error_column($$select relaypg.setting_timestamptz('expires_at', '"2025-02-30T00:00:00Z"')$$),
  'expires_at', 'the error names the field');

select * from finish();
rollback;
