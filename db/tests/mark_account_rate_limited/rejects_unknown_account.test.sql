-- api.mark_account_rate_limited raises ACNFD for an unknown account.
begin;
select plan(1);

select throws_ok($$select api.mark_account_rate_limited('00000000-0000-4000-8000-000000000000', now() + interval '1 hour')$$,
  'ACNFD', null, 'an unknown id raises ACNFD');

select * from finish();
rollback;
