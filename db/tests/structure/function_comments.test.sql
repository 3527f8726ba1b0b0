-- Every function in api and relaypg carries a comment.
begin;
select plan(2);

select cmp_ok(
  (select count(*)::int from pg_proc p
    where p.pronamespace in ('api'::regnamespace, 'relaypg'::regnamespace)),
  '>=', 40,
  'the check below sees the api and relaypg functions');

select is_empty(
  $$select p.oid::regprocedure::text
      from pg_proc p
     where p.pronamespace in ('api'::regnamespace, 'relaypg'::regnamespace)
       and coalesce(btrim(obj_description(p.oid, 'pg_proc')), '') = ''$$,
  'every api and relaypg function has a comment');

select * from finish();
rollback;
