-- api.import_crs_account is idempotent: the same fields again are
-- 'unchanged' and write nothing; changed fields are 'updated' (the version
-- bumps only for a real change) and can be imported again and again, also
-- after the relay used the account (usage bookkeeping is no relaypg change).
begin;
select plan(12);

create function pg_temp.import(p_overrides jsonb default '{}')
returns text language sql volatile
return (api.import_crs_account('claude:account:1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9', 'claude-official',
          tests.crs_claude_account('1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9', p_overrides), '{"accessToken": "sk-ant-oat01-x"}', tests.keyring())).action;

select is(pg_temp.import(), 'inserted', 'the first import inserts');
create temp table before on commit drop as select * from relaypg.accounts where id = '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9';
select is(pg_temp.import(), 'unchanged', 'the same fields again are unchanged');
select is(to_jsonb(tests.account('1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9')), (select to_jsonb(b) from before b),
  'and the stored row is identical (secrets, version, updated_at included)');
select is(pg_temp.import(), 'unchanged', 'and so is a third import');

select is(pg_temp.import('{"priority": "10"}'), 'updated', 'changed fields are updated');
select is((select row(priority, version, crs_synced_version, updated_at, created_at) from relaypg.accounts
            where id = '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9')::text,
  row(10, 2::bigint, 2::bigint, now(), '2025-08-07T04:06:00Z'::timestamptz)::text,
  'the change is stored, the version bumped once and recorded as synced');
select is(pg_temp.import('{"priority": "10"}'), 'unchanged', 'the changed fields again are unchanged');

select tests.create_key('k1');
select is(tests.selected(tests.key_id('k1')), 'claude-max-01', 'the relay uses the account');
select is(pg_temp.import('{"priority": "10", "lastUsedAt": "2025-09-16T03:59:00.000Z"}'), 'updated',
  'a CRS change after that is still imported (last use is bookkeeping, not a relaypg change)');
select is((select row(last_used_at, version) from relaypg.accounts where id = '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9')::text,
  row('2025-09-16T03:59:00Z'::timestamptz, 2::bigint)::text, 'a change of last use alone does not bump the version');
select is(pg_temp.import('{"priority": "10", "lastUsedAt": "2025-09-16T03:59:00.000Z", "name": "renamed"}'), 'updated',
  'successive CRS changes are all imported');
select is((tests.account('1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9')).name, 'renamed', 'the last one included');

select * from finish();
rollback;
