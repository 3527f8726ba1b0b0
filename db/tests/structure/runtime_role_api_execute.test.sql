-- The runtime role may execute every api.* function (an explicit grant) and no
-- relaypg.* function.
begin;
select plan(7);

select ok(has_schema_privilege(tests.app_role(), 'api', 'usage'),
  'the runtime role has USAGE on schema api');

select cmp_ok(
  (select count(*)::int from pg_proc p where p.pronamespace = 'api'::regnamespace),
  '>=', 17,
  'the checks below see the api functions');

select is_empty(
  $$select p.oid::regprocedure::text
      from pg_proc p
     where p.pronamespace = 'api'::regnamespace
       and not tests.app_role_is_granted_execute(p.oid)$$,
  'every api function grants EXECUTE to the runtime role explicitly');

select is_empty(
  $$select p.oid::regprocedure::text
      from pg_proc p
     where p.pronamespace = 'relaypg'::regnamespace
       and tests.app_role_is_granted_execute(p.oid)$$,
  'no relaypg function grants EXECUTE to the runtime role');

select is_empty(
  $$select p.oid::regprocedure::text
      from pg_proc p
     where p.pronamespace = 'relaypg'::regnamespace
       and has_function_privilege(tests.app_role(), p.oid, 'execute')$$,
  'the runtime role holds EXECUTE on no relaypg function');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;

select throws_ok($$select relaypg.strip_vendor_prefix('ccr,claude-sonnet-4')$$, '42501', null,
  'as the runtime role, calling a relaypg helper is denied');
select throws_ok($$select relaypg.lock_api_key(gen_random_uuid())$$, '42501', null,
  'as the runtime role, calling relaypg.lock_api_key is denied');

reset role;

select * from finish();
rollback;
