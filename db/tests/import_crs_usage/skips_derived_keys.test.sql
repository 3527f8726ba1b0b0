-- api.import_crs_usage skips the CRS keys relaypg derives from others (a
-- key's months and hours, an account's days, months and hours, a
-- key's cost months and hours): 'skipped' with a note, and nothing is stored,
-- not even the key's cut-off.
begin;
select plan(9);

select is(api.import_crs_usage(k, '{"requests": "3", "inputTokens": "10"}', '2025-09-16T04:00:00Z'),
  (null, 'skipped', array['derived by relaypg from other CRS keys'])::api.import_result, k || ' is skipped')
  from unnest(array[
    'usage:monthly:00000000-0000-4000-8000-0000000000a1:2025-09',
    'usage:hourly:00000000-0000-4000-8000-0000000000a1:2025-09-16:11',
    'account_usage:daily:00000000-0000-4000-8000-0000000000b1:2025-09-16',
    'account_usage:monthly:00000000-0000-4000-8000-0000000000b1:2025-09',
    'account_usage:hourly:00000000-0000-4000-8000-0000000000b1:2025-09-16:11']) k;
select is(api.import_crs_usage(k, '{"value": "1.5"}', '2025-09-16T04:00:00Z'),
  (null, 'skipped', array['derived by relaypg from other CRS keys'])::api.import_result, k || ' is skipped')
  from unnest(array[
    'usage:cost:monthly:00000000-0000-4000-8000-0000000000a1:2025-09',
    'usage:cost:hourly:00000000-0000-4000-8000-0000000000a1:2025-09-16:11']) k;

select is((select count(*) from relaypg.crs_usage_imports), 0::bigint, 'no skipped key is recorded as imported');
select is(
  (select count(*) from relaypg.api_key_usage) + (select count(*) from relaypg.api_key_daily_usage)
  + (select count(*) from relaypg.usage_rollups_hourly) + (select count(*) from relaypg.usage_rollups_daily)
  + (select count(*) from relaypg.usage_rollups_monthly),
  0::bigint, 'and none adds to the ledger or the rollups, or sets a cut-off');

select * from finish();
rollback;
