-- api.record_account_server_error: errors further apart than the window do
-- not add up; the window (counted from its first error) restarts.
begin;
select plan(6);

select tests.create_account('a');

select api.record_account_server_error(tests.account_id('a'));
select tests.age_account(tests.account_id('a'), '2 minutes');
select api.record_account_server_error(tests.account_id('a'));
select tests.age_account(tests.account_id('a'), '2 minutes');
select api.record_account_server_error(tests.account_id('a'));
select is((tests.account(tests.account_id('a'))).server_error_count, 3, 'three errors within 4 minutes are counted');

select tests.age_account(tests.account_id('a'), '1 minute');
create temp table fourth on commit drop as select * from api.record_account_server_error(tests.account_id('a'));
select is((select unavailable_reason from fourth), null,
  'a 4th error 5 minutes after the first one is outside the window: still available');
select is((tests.account(tests.account_id('a'))).server_error_count, 1, 'the count restarts at 1');
select is((tests.account(tests.account_id('a'))).server_errors_since, now(), 'a new window starts now');

select is((api.record_account_server_error(tests.account_id('a'), 1)).unavailable_reason, 'temp_error',
  'the new window counts: a 2nd error in it is more than a threshold of 1');

select tests.create_account('spread');
do $$
begin
  for i in 1..10 loop
    perform api.record_account_server_error(tests.account_id('spread'));
    perform tests.age_account(tests.account_id('spread'), '5 minutes');
  end loop;
end
$$;
select is((api.get_account(tests.account_id('spread'))).unavailable_reason, null,
  'ten errors five minutes apart never make the account unavailable');

select * from finish();
rollback;
