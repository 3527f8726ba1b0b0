-- relaypg.forget_scheduled_job removes a job's record (db setup calls it where
-- pg_cron is absent), leaves other jobs, and is not granted to the runtime role.
begin;
select plan(4);

select relaypg.record_scheduled_job('relaypg-maintenance', '* * * * *');
select relaypg.record_scheduled_job('other-job', '0 * * * *');

select relaypg.forget_scheduled_job('relaypg-maintenance');
select is((select array_agg(name order by name) from relaypg.scheduled_jobs), array['other-job']::text[],
  'only the named job is forgotten');
select lives_ok($$select relaypg.forget_scheduled_job('never-recorded')$$, 'forgetting an unknown job is a no-op');
select is((select array_agg(n) from api.list_scheduled_jobs() n), array['other-job']::text[], 'the service no longer sees it');
select ok(not tests.app_role_is_granted_execute('relaypg.forget_scheduled_job(text)'), 'the runtime role is not granted EXECUTE');

select * from finish();
rollback;
