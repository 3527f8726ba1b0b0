-- The runtime role is an ordinary login role: not a superuser, no RLS bypass,
-- not a member of the owner, and it owns nothing in api or relaypg.
begin;
select plan(4);

select ok(not (select r.rolsuper from pg_roles r where r.rolname = tests.app_role()),
  'the runtime role is not a superuser');
select ok(not (select r.rolbypassrls from pg_roles r where r.rolname = tests.app_role()),
  'the runtime role does not bypass row level security');
select ok(not pg_has_role(tests.app_role(), (select n.nspowner from pg_namespace n where n.nspname = 'relaypg'), 'member'),
  'the runtime role is not a member of the role owning relaypg');
select is_empty(
  $$select c.oid::regclass::text from pg_class c
     where c.relnamespace in ('api'::regnamespace, 'relaypg'::regnamespace)
       and c.relowner = tests.app_role()::regrole
    union all
    select p.oid::regprocedure::text from pg_proc p
     where p.pronamespace in ('api'::regnamespace, 'relaypg'::regnamespace)
       and p.proowner = tests.app_role()::regrole$$,
  'the runtime role owns no relation or function in api or relaypg');

select * from finish();
rollback;
