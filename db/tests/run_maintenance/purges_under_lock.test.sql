-- api.run_maintenance purges expired sticky and OAuth sessions, returns
-- ran = true with the counts, and holds its transaction-scoped advisory lock
-- (hashtext('relaypg.run_maintenance')) until the transaction ends.
-- Not covered here: ran = false while ANOTHER session holds the lock (the lock
-- is re-entrant within one session, and a second connection would need dblink).
begin;
select plan(5);

select tests.create_account('a1');
insert into relaypg.sticky_sessions (platform, session_hash, account_id, created_at, expires_at) values
  ('claude', 'expired-1', tests.account_id('a1'), now() - interval '2 hours', now() - interval '1 hour'),
  ('claude', 'expired-2', tests.account_id('a1'), now() - interval '2 hours', now() - interval '1 minute'),
  ('claude', 'live', tests.account_id('a1'), now(), now() + interval '1 hour');
select api.create_oauth_session('claude', 'oauth', 'o-expired', 'v', null, null, null, tests.keyring());
select api.create_oauth_session('claude', 'oauth', 'o-live', 'v', null, null, null, tests.keyring());
update relaypg.oauth_sessions set expires_at = now() - interval '1 minute' where state = 'o-expired';

create function pg_temp.holds_maintenance_lock() returns boolean language sql volatile
return exists (
  select from pg_locks l
   where l.locktype = 'advisory' and l.pid = pg_backend_pid() and l.granted and l.objsubid = 1
     and ((l.classid::bigint << 32) | l.objid::bigint) = hashtext('relaypg.run_maintenance')::bigint);

select is(pg_temp.holds_maintenance_lock(), false, 'the maintenance lock is not held before the run');
select is((select row(ran, sticky_sessions, oauth_sessions) from api.run_maintenance())::text,
  row(true, 2::bigint, 1::bigint)::text, 'the run reports ran = true and what it purged');
select is(row((select array_agg(s.session_hash) from relaypg.sticky_sessions s),
              (select array_agg(o.state) from relaypg.oauth_sessions o))::text,
  row(array['live'], array['o-live'])::text, 'only the live sessions stay');
select is(pg_temp.holds_maintenance_lock(), true, 'the run holds the maintenance advisory lock for the rest of the transaction');
select is((select row(ran, sticky_sessions, oauth_sessions) from api.run_maintenance())::text,
  row(true, 0::bigint, 0::bigint)::text, 'a second run in the same transaction re-enters the lock and finds nothing');

select * from finish();
rollback;
