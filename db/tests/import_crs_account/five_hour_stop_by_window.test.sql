-- api.import_crs_account reads a 5-hour auto-stop by time: it lasts until the
-- end of the window it happened in, and only while CRS still holds the
-- account back (schedulable false); a flag CRS left behind after lifting the
-- stop (schedulable true, fixture account A2) is ignored.
begin;
select plan(3);

select api.import_crs_account('claude:account:1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', 'claude-official',
  tests.crs_claude_account('1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d', jsonb_build_object(
    'name', 'stale-flag', 'fiveHourAutoStopped', 'true', 'fiveHourStoppedAt', '2025-09-10T04:28:00.000Z', 'schedulable', 'true',
    'sessionWindowStart', '2025-09-16T01:00:00.000Z', 'sessionWindowEnd', '2025-09-16T06:00:00.000Z')), '{}', tests.keyring());
select is((tests.account('1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d')).five_hour_stopped_until, null,
  'a left-over flag on a schedulable account stops nothing');

select api.import_crs_account('claude:account:2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e', 'claude-official',
  tests.crs_claude_account('2c3d4e5f-6071-4b8c-9d0e-1f2a3b4c5d6e', jsonb_build_object(
    'name', 'stopped-in-window', 'fiveHourAutoStopped', 'true', 'fiveHourStoppedAt', '2025-09-16T03:10:00.000Z', 'schedulable', 'false',
    'sessionWindowStart', '2025-09-16T01:00:00.000Z', 'sessionWindowEnd', '2025-09-16T06:00:00.000Z')), '{}', tests.keyring());
select is((select row(five_hour_stopped_until, is_paused) from relaypg.accounts where name = 'stopped-in-window')::text,
  row('2025-09-16T06:00:00Z'::timestamptz, false)::text, 'a stop inside the current window lasts until that window ends (not a pause)');

select api.import_crs_account('claude:account:3d4e5f60-7182-4c9d-8e1f-2a3b4c5d6e7f', 'claude-official',
  tests.crs_claude_account('3d4e5f60-7182-4c9d-8e1f-2a3b4c5d6e7f', jsonb_build_object(
    'name', 'stopped-before-window', 'fiveHourAutoStopped', 'true', 'fiveHourStoppedAt', '2025-09-10T04:28:00.000Z', 'schedulable', 'false',
    'sessionWindowStart', '2025-09-16T01:00:00.000Z', 'sessionWindowEnd', '2025-09-16T06:00:00.000Z')), '{}', tests.keyring());
select is((tests.account('3d4e5f60-7182-4c9d-8e1f-2a3b4c5d6e7f')).five_hour_stopped_until, '2025-09-10T09:00:00Z'::timestamptz,
  'a stop outside the known window lasts five hours from the hour it happened in');

select * from finish();
rollback;
