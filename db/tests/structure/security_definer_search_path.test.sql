-- Every api function is security definer; relaypg helpers are not; and every
-- security definer function pins its search_path.
begin;
select plan(4);

select is_empty(
  $$select p.oid::regprocedure::text
      from pg_proc p
     where p.pronamespace in ('api'::regnamespace, 'relaypg'::regnamespace)
       and p.prosecdef
       and not exists (select 1 from unnest(p.proconfig) c where c like 'search_path=%')$$,
  'every security definer function in api and relaypg pins search_path');

select is_empty(
  $$select p.oid::regprocedure::text
      from pg_proc p, unnest(p.proconfig) c
     where p.pronamespace in ('api'::regnamespace, 'relaypg'::regnamespace)
       and p.prosecdef
       and c like 'search_path=%'
       and c <> 'search_path=""'$$,
  'security definer functions pin search_path to '''' (every name qualified)');

select is_empty(
  $$select p.oid::regprocedure::text
      from pg_proc p
     where p.pronamespace = 'api'::regnamespace and not p.prosecdef$$,
  'every api function is security definer (the runtime role has no table access)');

select is_empty(
  $$select p.oid::regprocedure::text
      from pg_proc p
     where p.pronamespace = 'relaypg'::regnamespace and p.prosecdef$$,
  'no relaypg helper is security definer');

select * from finish();
rollback;
