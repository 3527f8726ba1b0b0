-- PUBLIC may do nothing: no USAGE on api or relaypg, no table privilege in
-- relaypg, and no EXECUTE on any api or relaypg function.
begin;
select plan(5);

select ok(not has_schema_privilege('public', 'api', 'usage'), 'PUBLIC has no USAGE on schema api');
select ok(not has_schema_privilege('public', 'relaypg', 'usage'), 'PUBLIC has no USAGE on schema relaypg');

select is_empty(
  $$select c.oid::regclass::text
      from pg_class c
     where c.relnamespace = 'relaypg'::regnamespace
       and c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
       and has_table_privilege('public', c.oid, 'select, insert, update, delete, truncate, references, trigger')$$,
  'PUBLIC has no privilege on any relation in relaypg');

select is_empty(
  $$select p.oid::regprocedure::text
      from pg_proc p
     where p.pronamespace = 'api'::regnamespace
       and has_function_privilege('public', p.oid, 'execute')$$,
  'PUBLIC has EXECUTE on no api function');
select is_empty(
  $$select p.oid::regprocedure::text
      from pg_proc p
     where p.pronamespace = 'relaypg'::regnamespace
       and has_function_privilege('public', p.oid, 'execute')$$,
  'PUBLIC has EXECUTE on no relaypg function');

select * from finish();
rollback;
