-- api.select_accounts waits for a lock at most 100 ms (its SET clause: a
-- request that would wait longer is answered 55P03), and leaves the caller's
-- own lock_timeout as it was.
begin;
select plan(3);

select tests.create_key('k1');
select tests.create_account('only');

select ok((select 'lock_timeout=100ms' = any(proconfig) from pg_proc
            where oid = 'api.select_accounts(uuid[], text[], text[], text[], interval, interval, boolean)'::regprocedure),
  'the function sets lock_timeout = 100ms for its own duration');

set local lock_timeout = '7s';
select is((select count(*)::int from api.select_accounts(array[tests.key_id('k1')], array['claude'],
    array['claude-sonnet-4-20250514'], array['s1']) where error_code is null), 1, 'a request is served');
select is(current_setting('lock_timeout'), '7s', 'the caller''s lock_timeout is unchanged after the call');

select * from finish();
rollback;
