-- api.record_account_server_error: more than the threshold (default 3) within
-- the window (default 5 minutes) makes the account temp_error for the recovery
-- interval (default 5 minutes); it is available again by itself afterwards.
-- Errors up to the threshold are bookkeeping only (no version bump).
begin;
select plan(16);

select tests.create_account('a', 'claude-official', '{"priority": 10}');
select tests.create_account('b', 'claude-official', '{"priority": 90}');
select tests.create_key('k1');

select is((api.record_account_server_error(tests.account_id('a'))).unavailable_reason, null, '1st error: available');
select is((tests.account(tests.account_id('a'))).server_errors_since, now(), 'the window starts at the first error');
select tests.age_account(tests.account_id('a'), '1 minute');
select is((api.record_account_server_error(tests.account_id('a'))).unavailable_reason, null, '2nd error: available');
select tests.age_account(tests.account_id('a'), '1 minute');
select is((api.record_account_server_error(tests.account_id('a'))).unavailable_reason, null, '3rd error (= threshold): available');
select is((tests.account(tests.account_id('a'))).server_error_count, 3, 'three errors are counted');
select is((tests.account(tests.account_id('a'))).server_errors_since, now() - interval '2 minutes', 'since the first one');
select is((tests.account(tests.account_id('a'))).version, 3::bigint,
  'counting errors did not bump the version (only the two age_account calls did)');
select is(tests.selected(tests.key_id('k1')), 'a', 'the pool still picks it');

select tests.age_account(tests.account_id('a'), '2 minutes 59 seconds');
create temp table tripped on commit drop as select * from api.record_account_server_error(tests.account_id('a'));
select is((select unavailable_reason from tripped), 'temp_error', '4th error within 5 minutes: temp_error');
select is((select temp_error_until from tripped), now() + interval '5 minutes', 'until now + 5 minutes');
select is((select error_message from tripped),
  '4 upstream 5xx errors since ' || to_char((now() - interval '4 minutes 59 seconds') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'error_message counts the errors and says since when');
select is((select version from tripped), 5::bigint, 'the trip bumps the version (age_account made it 4)');
select is(tests.selected(tests.key_id('k1')), 'b', 'a shared-pool key does not get the account');

select tests.age_account(tests.account_id('a'), '4 minutes 59 seconds');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'temp_error', 'a second before the end it is still temp_error');
select tests.age_account(tests.account_id('a'), '1 second');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, null, 'after 5 minutes it is available by itself');
select is(tests.selected(tests.key_id('k1')), 'a', 'and the pool picks it again');

select * from finish();
rollback;
