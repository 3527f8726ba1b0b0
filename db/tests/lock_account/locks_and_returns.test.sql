-- relaypg.lock_account returns the stored row, locked FOR UPDATE (the row's
-- xmax becomes this transaction); ACNFD for an unknown id.
begin;
select plan(4);

select tests.create_account('a1');
select is((select xmax::text from relaypg.accounts where name = 'a1'), '0', 'the row is not locked before');

select relaypg.lock_account(tests.account_id('a1'));
select is((select xmax::text from relaypg.accounts where name = 'a1'), pg_current_xact_id()::text,
  'lock_account leaves a row lock of this transaction');
select is(relaypg.lock_account(tests.account_id('a1'))::text, tests.account(tests.account_id('a1'))::text,
  'it returns the stored row');
select throws_ok($$select relaypg.lock_account('00000000-0000-4000-8000-000000000000')$$,
  'ACNFD', null, 'an unknown id raises ACNFD');

select * from finish();
rollback;
