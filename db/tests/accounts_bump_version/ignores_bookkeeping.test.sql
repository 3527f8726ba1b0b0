-- relaypg.accounts_bump_version: usage bookkeeping (last_used_at, updated_at,
-- server error counting, session window bounds, CRS sync markers) does not
-- bump version nor touch updated_at; together with a real change it bumps once.
begin;
select plan(6);

select tests.create_account('a1');
update relaypg.accounts set updated_at = '2025-01-01T00:00:00Z' where name = 'a1';
select is((tests.account(tests.account_id('a1'))).version, 1::bigint, 'an updated_at-only change does not bump');

update relaypg.accounts set last_used_at = now() where name = 'a1';
select is((tests.account(tests.account_id('a1'))).version, 1::bigint, 'a last_used_at-only change does not bump');
select is((tests.account(tests.account_id('a1'))).updated_at, '2025-01-01T00:00:00Z'::timestamptz,
  'nor does it touch updated_at');

update relaypg.accounts set server_error_count = 3, server_errors_since = now(),
       session_window_start = now(), session_window_end = now() + interval '5 hours',
       crs_fingerprint = 'f1', crs_synced_version = 1
 where name = 'a1';
select is((tests.account(tests.account_id('a1'))).version, 1::bigint,
  'server error counting, session window bounds and CRS sync markers do not bump');

select api.update_account(tests.account_id('a1'), '{"name": "a1"}', null, null);
select is((tests.account(tests.account_id('a1'))).version, 1::bigint, 'an api.update_account that changes nothing does not bump');

update relaypg.accounts set last_used_at = now() + interval '1 second', is_paused = true where name = 'a1';
select is((tests.account(tests.account_id('a1'))).version, 2::bigint, 'with another change, it bumps once');

select * from finish();
rollback;
