-- api.pause_account: an admin pause makes the account unavailable ('paused'),
-- the shared pool skips it, and no amount of time ends it (only resume does).
begin;
select plan(9);

select tests.create_account('a', 'claude-official', '{"priority": 10}');
select tests.create_account('b', 'claude-official', '{"priority": 90}');
select tests.create_key('k1');

select is(tests.selected(tests.key_id('k1')), 'a', 'before the pause the pool picks a');

create temp table paused on commit drop as select * from api.pause_account(tests.account_id('a'));

select is((select is_paused from paused), true, 'the returned account is paused');
select is((select unavailable_reason from paused), 'paused', 'the returned account is unavailable: paused');
select is((select version from paused), 2::bigint, 'the pause bumps the version');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'paused', 'get_account reports paused');
select is(tests.selected(tests.key_id('k1')), 'b', 'a shared-pool key no longer gets the paused account');

select is((api.pause_account(tests.account_id('a'))).version, 2::bigint, 'pausing a paused account changes nothing (no version bump)');

select tests.age_account(tests.account_id('a'), '30 days');
select is((api.get_account(tests.account_id('a'))).unavailable_reason, 'paused', '30 days later it is still paused');
select is(tests.selected(tests.key_id('k1')), 'b', 'and still not selected');

select * from finish();
rollback;
