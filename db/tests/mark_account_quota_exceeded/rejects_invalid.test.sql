-- api.mark_account_quota_exceeded raises ACNFD for an unknown account and
-- RVINV (time_zone) for a zone that is not an IANA name; nothing is written.
begin;
select plan(6);

select tests.create_account('c', 'claude-console');

select throws_ok($$select api.mark_account_quota_exceeded('00000000-0000-4000-8000-000000000000', 'UTC')$$,
  'ACNFD', null, 'an unknown id raises ACNFD');
select throws_ok($$select api.mark_account_quota_exceeded(tests.account_id('c'), 'Mars/Olympus_Mons')$$,
  'RVINV', null, 'an unknown zone raises RVINV');
select is(tests.error_column($$select api.mark_account_quota_exceeded(tests.account_id('c'), 'Mars/Olympus_Mons')$$), 'time_zone',
  'an unknown zone: COLUMN time_zone');
select is(tests.error_column($$select api.mark_account_quota_exceeded(tests.account_id('c'), null)$$), 'time_zone',
  'a null zone: COLUMN time_zone');
select is(tests.error_column($$select api.mark_account_quota_exceeded(tests.account_id('c'), '')$$), 'time_zone',
  'an empty zone: COLUMN time_zone');
select is((tests.account(tests.account_id('c'))).quota_stopped_until, null, 'the refused calls changed nothing');

select * from finish();
rollback;
