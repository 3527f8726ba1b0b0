-- api.record_token_refresh_failure raises ACNFD for an unknown account and
-- RVINV (retry_after) for a retry delay that is not positive; nothing is written.
begin;
select plan(6);

select tests.create_account('a');

select throws_ok($$select api.record_token_refresh_failure('00000000-0000-4000-8000-000000000000', 'x')$$,
  'ACNFD', null, 'an unknown id raises ACNFD');
select throws_ok($$select api.record_token_refresh_failure(tests.account_id('a'), 'x', '0 seconds')$$,
  'RVINV', null, 'a zero retry delay raises RVINV');
select is(tests.error_column($$select api.record_token_refresh_failure(tests.account_id('a'), 'x', '0 seconds')$$), 'retry_after', 'zero: COLUMN retry_after');
select is(tests.error_column($$select api.record_token_refresh_failure(tests.account_id('a'), 'x', '-5 minutes')$$), 'retry_after', 'negative: COLUMN retry_after');
select is(tests.error_column($$select api.record_token_refresh_failure(tests.account_id('a'), 'x', null)$$), 'retry_after', 'null: COLUMN retry_after');
select is((tests.account(tests.account_id('a'))).refresh_failed_at, null, 'the refused calls changed nothing');

select * from finish();
rollback;
