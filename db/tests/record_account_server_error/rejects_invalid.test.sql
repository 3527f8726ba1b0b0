-- api.record_account_server_error raises ACNFD for an unknown account and
-- RVINV naming the bad argument (threshold, window, recovery); nothing is counted.
begin;
select plan(9);

select tests.create_account('a');

select throws_ok($$select api.record_account_server_error('00000000-0000-4000-8000-000000000000')$$,
  'ACNFD', null, 'an unknown id raises ACNFD');
select throws_ok($$select api.record_account_server_error(tests.account_id('a'), 0)$$,
  'RVINV', null, 'a threshold of 0 raises RVINV');
select is(tests.error_column($$select api.record_account_server_error(tests.account_id('a'), 0)$$), 'threshold', 'threshold 0: COLUMN threshold');
select is(tests.error_column($$select api.record_account_server_error(tests.account_id('a'), null)$$), 'threshold', 'null threshold: COLUMN threshold');
select is(tests.error_column($$select api.record_account_server_error(tests.account_id('a'), 3, '0 seconds')$$), 'window', 'an empty window: COLUMN window');
select is(tests.error_column($$select api.record_account_server_error(tests.account_id('a'), 3, null)$$), 'window', 'a null window: COLUMN window');
select is(tests.error_column($$select api.record_account_server_error(tests.account_id('a'), 3, '5 minutes', '-1 minute')$$), 'recovery',
  'a negative recovery: COLUMN recovery');
select is(tests.error_column($$select api.record_account_server_error(tests.account_id('a'), 3, '5 minutes', null)$$), 'recovery',
  'a null recovery: COLUMN recovery');
select is((tests.account(tests.account_id('a'))).server_error_count, 0, 'the refused calls counted nothing');

select * from finish();
rollback;
