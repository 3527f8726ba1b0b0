-- api.mark_account_blocked raises ACNFD for an unknown account and RVINV
-- (reason) for a reason other than unauthorized / blocked; nothing is written.
begin;
select plan(5);

select tests.create_account('a');

select throws_ok($$select api.mark_account_blocked('00000000-0000-4000-8000-000000000000', 'blocked')$$,
  'ACNFD', null, 'an unknown id raises ACNFD');
select throws_ok($$select api.mark_account_blocked(tests.account_id('a'), 'forbidden')$$,
  'RVINV', null, 'an unknown reason raises RVINV');
select is(tests.error_column($$select api.mark_account_blocked(tests.account_id('a'), 'forbidden')$$), 'reason', 'COLUMN reason');
select is(tests.error_column($$select api.mark_account_blocked(tests.account_id('a'), null)$$), 'reason', 'a null reason: COLUMN reason');
select is((tests.account(tests.account_id('a'))).blocked_reason, null, 'the refused calls changed nothing');

select * from finish();
rollback;
