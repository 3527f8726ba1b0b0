-- api.resume_account raises ACNFD for an unknown account.
begin;
select plan(1);

select throws_ok($$select api.resume_account('00000000-0000-4000-8000-000000000000')$$,
  'ACNFD', null, 'an unknown id raises ACNFD');

select * from finish();
rollback;
