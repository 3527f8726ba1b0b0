-- api.mark_account_blocked (upstream 401 / 403): the account is unavailable
-- ('unauthorized' / 'blocked') with no end time: time never ends it, only
-- api.reset_account_state does.
begin;
select plan(16);

select tests.create_account('a', 'claude-official', '{"priority": 10}');
select tests.create_account('b', 'claude-official', '{"priority": 20}');
select tests.create_account('z', 'claude-official', '{"priority": 90}');
select tests.create_key('k1');

create temp table blocked on commit drop as
  select * from api.mark_account_blocked(tests.account_id('a'), 'unauthorized', 'HTTP 401: invalid bearer token');
select is((select blocked_reason from blocked), 'unauthorized', 'blocked_reason is unauthorized');
select is((select blocked_at from blocked), now(), 'blocked_at is now');
select is((select error_message from blocked), 'HTTP 401: invalid bearer token', 'error_message is the given message');
select is((select unavailable_reason from blocked), 'unauthorized', 'the account is unavailable: unauthorized');
select is((select version from blocked), 2::bigint, 'the block bumps the version');

select api.mark_account_blocked(tests.account_id('b'), 'blocked');
select is((api.get_account(tests.account_id('b'))).unavailable_reason, 'blocked', 'a 403 makes it unavailable: blocked');
select is((api.get_account(tests.account_id('b'))).error_message, '', 'without a message, error_message is empty');
select is(tests.selected(tests.key_id('k1')), 'z', 'a shared-pool key gets neither blocked account');

select tests.age_account(tests.account_id('a'), '365 days');
select tests.age_account(tests.account_id('b'), '365 days');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'unauthorized', 'a year later a is still unauthorized');
select is((api.get_account(tests.account_id('b'))).unavailable_reason, 'blocked', 'a year later b is still blocked');
select is(tests.selected(tests.key_id('k1')), 'z', 'and neither is selected');

select is((api.reset_account_state(tests.account_id('a'))).unavailable_reason, null, 'reset_account_state recovers a');
select is((api.reset_account_state(tests.account_id('b'))).unavailable_reason, null, 'reset_account_state recovers b');
select is(tests.selected(tests.key_id('k1')), 'a', 'the pool picks a again');

select api.mark_account_blocked(tests.account_id('a'), 'blocked', null);
select is((api.get_account(tests.account_id('a'))).error_message, '', 'a null message is stored as empty');
select is(char_length((api.mark_account_blocked(tests.account_id('a'), 'blocked', repeat('x', 5000))).error_message), 2000,
  'a long message is cut at 2000 characters');

select * from finish();
rollback;
