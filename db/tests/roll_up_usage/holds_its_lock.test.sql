-- api.roll_up_usage runs under a transaction-scoped advisory lock
-- (hashtext('relaypg.roll_up_usage')), held until the transaction ends.
-- Not covered here: ran = false while ANOTHER session holds the lock (the
-- lock is re-entrant within one session, and a second connection would need
-- dblink).
begin;
select plan(3);

create function pg_temp.holds_rollup_lock() returns boolean language sql volatile
return exists (
  select from pg_locks l
   where l.locktype = 'advisory' and l.pid = pg_backend_pid() and l.granted and l.objsubid = 1
     and ((l.classid::bigint << 32) | l.objid::bigint) = hashtext('relaypg.roll_up_usage')::bigint);

select is(pg_temp.holds_rollup_lock(), false, 'the roll-up lock is not held before the run');
select is((select ran from api.roll_up_usage()), true, 'the run reports ran = true');
select is(pg_temp.holds_rollup_lock(), true, 'the run holds the roll-up advisory lock for the rest of the transaction');

select * from finish();
rollback;
