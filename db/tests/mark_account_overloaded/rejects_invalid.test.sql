-- api.mark_account_overloaded raises ACNFD for an unknown account and RVINV
-- (minutes) for a duration outside 1..1440; nothing is written.
begin;
select plan(6);

select tests.create_account('a');

select throws_ok($$select api.mark_account_overloaded('00000000-0000-4000-8000-000000000000')$$,
  'ACNFD', null, 'an unknown id raises ACNFD');
select throws_ok($$select api.mark_account_overloaded(tests.account_id('a'), 0)$$,
  'RVINV', null, '0 minutes raises RVINV');
select is(tests.error_column($$select api.mark_account_overloaded(tests.account_id('a'), 0)$$), 'minutes', '0 minutes: COLUMN minutes');
select is(tests.error_column($$select api.mark_account_overloaded(tests.account_id('a'), 1441)$$), 'minutes', 'more than a day: COLUMN minutes');
select is(tests.error_column($$select api.mark_account_overloaded(tests.account_id('a'), null)$$), 'minutes', 'null minutes: COLUMN minutes');
select is((tests.account(tests.account_id('a'))).overloaded_until, null, 'the refused calls changed nothing');

select * from finish();
rollback;
