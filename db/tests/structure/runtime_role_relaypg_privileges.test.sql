-- The runtime role cannot touch relaypg's tables: no table, column or
-- sequence privilege, no USAGE on the schema (checked over pg_class, so new
-- tables are covered), and direct statements as that role are denied.
begin;
select plan(11);

select cmp_ok(
  (select count(*)::int from pg_class c where c.relnamespace = 'relaypg'::regnamespace and c.relkind = 'r'),
  '>=', 3,
  'the checks below see relaypg''s tables');

select is_empty(
  $$select c.oid::regclass::text
      from pg_class c
     where c.relnamespace = 'relaypg'::regnamespace
       and c.relkind in ('r', 'p', 'v', 'm', 'f')
       and has_table_privilege(tests.app_role(), c.oid,
             'select, insert, update, delete, truncate, references, trigger')$$,
  'the runtime role has no privilege on any table or view in relaypg');

select is_empty(
  $$select c.oid::regclass::text
      from pg_class c
     where c.relnamespace = 'relaypg'::regnamespace
       and c.relkind in ('r', 'p', 'v', 'm', 'f')
       and has_any_column_privilege(tests.app_role(), c.oid, 'select, insert, update, references')$$,
  'the runtime role has no column privilege on any table in relaypg');

select is_empty(
  $$select c.oid::regclass::text
      from pg_class c
     where c.relnamespace = 'relaypg'::regnamespace
       and case when c.relkind = 'S'
                then has_sequence_privilege(tests.app_role(), c.oid, 'usage, select, update')
                else false end$$,
  'the runtime role has no privilege on any sequence in relaypg');

select ok(not has_schema_privilege(tests.app_role(), 'relaypg', 'usage'),
  'the runtime role has no USAGE on schema relaypg');
select ok(not has_schema_privilege(tests.app_role(), 'relaypg', 'create'),
  'the runtime role has no CREATE on schema relaypg');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;

select throws_ok('select * from relaypg.api_keys', '42501', null,
  'as the runtime role, reading relaypg.api_keys is denied');
select throws_ok(
  $$insert into relaypg.api_keys (name, digest, digest_scheme)
    values ('sneaky', sha256(convert_to('sneaky', 'UTF8')), 'hmac-sha256:v1')$$,
  '42501', null,
  'as the runtime role, inserting into relaypg.api_keys is denied');
select throws_ok($$update relaypg.users set is_active = true$$, '42501', null,
  'as the runtime role, updating relaypg.users is denied');
select throws_ok($$delete from relaypg.client_kinds$$, '42501', null,
  'as the runtime role, deleting from relaypg.client_kinds is denied');
select throws_ok('select * from relaypg.usage_events', '42501', null,
  'as the runtime role, reading the partitioned relaypg.usage_events is denied');

reset role;

select * from finish();
rollback;
