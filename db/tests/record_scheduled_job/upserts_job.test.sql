-- relaypg.record_scheduled_job inserts a job (scheduled_at = now()) and, for a
-- known name, updates its schedule and scheduled_at (an upsert); it is not
-- granted to the runtime role.
begin;
select plan(5);

select relaypg.record_scheduled_job('relaypg-maintenance', '* * * * *');
select is((select row(j.name, j.schedule, j.scheduled_at) from relaypg.scheduled_jobs j)::text,
  row('relaypg-maintenance', '* * * * *', now())::text, 'a new job is inserted with scheduled_at now()');

update relaypg.scheduled_jobs set scheduled_at = '2025-08-01T00:00:00Z';
select relaypg.record_scheduled_job('relaypg-maintenance', '*/5 * * * *');
select is((select row(j.name, j.schedule, j.scheduled_at) from relaypg.scheduled_jobs j)::text,
  row('relaypg-maintenance', '*/5 * * * *', now())::text, 'recording it again updates schedule and scheduled_at');
select is((select count(*) from relaypg.scheduled_jobs), 1::bigint, 'the job is stored once');

select ok(not tests.app_role_is_granted_execute('relaypg.record_scheduled_job(text, text)'),
  'the runtime role is not granted EXECUTE');
do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select throws_ok($$select relaypg.record_scheduled_job('x', '* * * * *')$$, '42501', null,
  'the runtime role cannot record a job');
reset role;

select * from finish();
rollback;
