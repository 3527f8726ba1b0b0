-- api.record_account_server_error: a trip restarts the counter (count 0, no
-- window), so after recovering the account needs threshold + 1 new errors to
-- trip again; threshold, window and recovery can be given.
begin;
select plan(10);

select tests.create_account('a');
select api.record_account_server_error(tests.account_id('a')) from generate_series(1, 4);
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'temp_error', '4 errors: temp_error');
select is((tests.account(tests.account_id('a'))).server_error_count, 0, 'the counter is back to 0');
select is((tests.account(tests.account_id('a'))).server_errors_since, null, 'and the window is closed');

select tests.age_account(tests.account_id('a'), '5 minutes');
select api.record_account_server_error(tests.account_id('a')) from generate_series(1, 3);
select is((api.get_account(tests.account_id('a'))).unavailable_reason, null,
  'after recovering, 3 new errors are not over the threshold');
select is((tests.account(tests.account_id('a'))).server_error_count, 3, 'they are counted from 1 again');
select is((api.record_account_server_error(tests.account_id('a'))).temp_error_until, now() + interval '5 minutes',
  'the 4th trips again');

select tests.create_account('custom');
select api.record_account_server_error(tests.account_id('custom'), 1, '1 hour', '30 minutes');
select tests.age_account(tests.account_id('custom'), '59 minutes');
create temp table tripped on commit drop as
  select * from api.record_account_server_error(tests.account_id('custom'), 1, '1 hour', '30 minutes');
select is((select unavailable_reason from tripped), 'temp_error', 'threshold 1 and a 1-hour window: 2 errors 59 minutes apart trip');
select is((select temp_error_until from tripped), now() + interval '30 minutes', 'for the given recovery interval (30 minutes)');
select tests.age_account(tests.account_id('custom'), '29 minutes');
select is((api.get_account(tests.account_id('custom'))).unavailable_reason, 'temp_error', 'after 29 minutes still temp_error');
select tests.age_account(tests.account_id('custom'), '1 minute');
select is((api.get_account(tests.account_id('custom'))).unavailable_reason, null, 'after 30 minutes available by itself');

select * from finish();
rollback;
