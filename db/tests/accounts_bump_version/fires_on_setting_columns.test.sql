-- The bump trigger fires only for statements that set a column other than the
-- bookkeeping ones: its column list is every column of relaypg.accounts but
-- id and the bookkeeping columns the trigger function ignores, so a new column
-- must be added to it (this test fails until it is).
begin;
select plan(2);

select is(
  (select array_agg(a.attname::text order by a.attname::text)
     from pg_trigger t, unnest(t.tgattr::int2[]) c(attnum)
     join pg_attribute a on a.attrelid = 'relaypg.accounts'::regclass and a.attnum = c.attnum
    where t.tgrelid = 'relaypg.accounts'::regclass and t.tgname = '_100_bump_version'),
  (select array_agg(a.attname::text order by a.attname::text) from pg_attribute a
    where a.attrelid = 'relaypg.accounts'::regclass and a.attnum > 0 and not a.attisdropped
      and a.attname not in ('id', 'last_used_at', 'updated_at', 'version', 'server_error_count', 'server_errors_since',
                            'session_window_start', 'session_window_end', 'crs_fingerprint', 'crs_synced_version')),
  'the trigger watches every non-bookkeeping column');

select tests.create_account('a1');
update relaypg.accounts set last_used_at = now() - interval '1 minute' where name = 'a1';
select is((tests.account(tests.account_id('a1'))).version, 1::bigint, 'a last_used_at update does not bump the version');

select * from finish();
rollback;
