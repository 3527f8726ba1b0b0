-- api.get_account raises ACNFD for an id that is not (or no longer) an account.
begin;
select plan(2);

select throws_ok($$select api.get_account('00000000-0000-4000-8000-000000000000')$$,
  'ACNFD', null, 'an unknown id raises ACNFD');

select tests.create_account('a1');
select set_config('tests.account_id', tests.account_id('a1')::text, true);
delete from relaypg.accounts where name = 'a1';
select throws_ok($$select api.get_account(current_setting('tests.account_id')::uuid)$$,
  'ACNFD', null, 'a deleted account raises ACNFD');

select * from finish();
rollback;
