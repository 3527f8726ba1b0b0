-- relaypg.accounts_bump_version (BEFORE UPDATE): any change other than usage
-- bookkeeping bumps version by one and sets updated_at to now(): settings,
-- secrets and state changes alike; an update that changes nothing does not.
begin;
select plan(9);

select trigger_is('relaypg', 'accounts', '_100_bump_version', 'relaypg', 'accounts_bump_version',
  'accounts runs accounts_bump_version');
select is(
  (select t.tgtype::int & (1 | 2 | 4 | 8 | 16) from pg_trigger t
    where t.tgrelid = 'relaypg.accounts'::regclass and t.tgname = '_100_bump_version'),
  1 | 2 | 16, 'it is a row-level BEFORE UPDATE trigger');

select tests.create_account('a1');
update relaypg.accounts set updated_at = '2025-01-01T00:00:00Z' where name = 'a1';

update relaypg.accounts set priority = 10 where name = 'a1';
select is((tests.account(tests.account_id('a1'))).version, 2::bigint, 'a settings change bumps the version to 2');
select is((tests.account(tests.account_id('a1'))).updated_at, now(), 'and sets updated_at to now()');

update relaypg.accounts set name = 'a1-renamed', description = 'd', model_mapping = '{"a": "b"}' where name = 'a1';
select is((tests.account(tests.account_id('a1-renamed'))).version, 3::bigint, 'one update of several fields bumps once');

update relaypg.accounts set rate_limited_until = now() + interval '1 hour' where name = 'a1-renamed';
select is((tests.account(tests.account_id('a1-renamed'))).version, 4::bigint, 'a state change bumps');

select api.update_account(tests.account_id('a1-renamed'), null, '{"refreshToken": "rt"}', tests.keyring());
select is((tests.account(tests.account_id('a1-renamed'))).version, 5::bigint, 'a secrets change bumps');

update relaypg.accounts set session_window_status = 'allowed_warning' where name = 'a1-renamed';
select is((tests.account(tests.account_id('a1-renamed'))).version, 6::bigint, 'a session window status change bumps');

update relaypg.accounts set name = name, priority = priority, secrets = secrets where name = 'a1-renamed';
select is((tests.account(tests.account_id('a1-renamed'))).version, 6::bigint, 'an update that changes nothing does not bump');

select * from finish();
rollback;
