-- api.list_scheduled_jobs: the runtime role may call it and it works under that role.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.list_scheduled_jobs()'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'list_scheduled_jobs', array[]::text[], 'list_scheduled_jobs is security definer');

select relaypg.record_scheduled_job('relaypg-maintenance', '* * * * *');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select array_agg(j) from api.list_scheduled_jobs() j), array['relaypg-maintenance'],
  'as the runtime role, the scheduled jobs are listed');
reset role;

select * from finish();
rollback;
