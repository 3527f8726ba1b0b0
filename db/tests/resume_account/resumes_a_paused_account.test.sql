-- api.resume_account ends an admin pause: the account is available and the
-- shared pool picks it again.
begin;
select plan(6);

select tests.create_account('a', 'claude-official', '{"priority": 10}');
select tests.create_account('b', 'claude-official', '{"priority": 90}');
select tests.create_key('k1');

select api.pause_account(tests.account_id('a'));
select is(tests.selected(tests.key_id('k1')), 'b', 'while paused the pool skips a');

create temp table resumed on commit drop as select * from api.resume_account(tests.account_id('a'));

select is((select is_paused from resumed), false, 'the returned account is not paused');
select is((select unavailable_reason from resumed), null, 'the returned account is available');
select is((select version from resumed), 3::bigint, 'the resume bumps the version');
select is(tests.selected(tests.key_id('k1')), 'a', 'a shared-pool key gets the account again');

select is((api.resume_account(tests.account_id('a'))).version, 3::bigint,
  'resuming an account that is not paused changes nothing (no version bump)');

select * from finish();
rollback;
