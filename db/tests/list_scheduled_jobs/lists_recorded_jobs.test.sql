-- api.list_scheduled_jobs lists the names record_scheduled_job wrote, by
-- name, once each; nothing on a freshly migrated database.
begin;
select plan(3);

select is((select count(*) from api.list_scheduled_jobs()), 0::bigint, 'no job is listed before any is recorded');

select relaypg.record_scheduled_job('relaypg-maintenance', '* * * * *');
select relaypg.record_scheduled_job('alpha-job', '0 * * * *');
select is((select array_agg(j) from api.list_scheduled_jobs() j), array['alpha-job', 'relaypg-maintenance'],
  'the recorded jobs are listed by name');

select relaypg.record_scheduled_job('alpha-job', '*/5 * * * *');
select is((select array_agg(j) from api.list_scheduled_jobs() j), array['alpha-job', 'relaypg-maintenance'],
  're-recording a job does not list it twice');

select * from finish();
rollback;
