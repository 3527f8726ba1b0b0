-- api.import_crs_usage puts a CRS week's Opus cost,
-- usage:opus:weekly:{keyId}:{YYYY-Www} ({"value": ...}), on the opus_cost of
-- the key's day row for the Monday of that ISO week, where api.key_usage's
-- week (Monday to Sunday, local days) counts it: 2025-W38 is Monday
-- 2025-09-15; 2026-W01 is Monday 2025-12-29.
begin;
select plan(4);

select is(api.import_crs_usage('usage:opus:weekly:00000000-0000-4000-8000-0000000000a1:2025-W38', '{"value": "12.5"}',
  '2025-09-16T04:00:00Z'),
  (null, 'inserted', '{}')::api.import_result, 'usage:opus:weekly:{keyId}:{week} is inserted');
select is(
  (select array_agg(day || ': cost=' || cost || ' opus=' || opus_cost) from relaypg.api_key_daily_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  array['2025-09-15: cost=0 opus=12.5'],
  '2025-W38 lands on Monday 2025-09-15, as Opus cost only');
select is((select opus_cost from api.key_usage('00000000-0000-4000-8000-0000000000a1', '2025-09-21T04:00:00Z') where period = 'week'),
  12.5, 'api.key_usage counts it in the week of Sunday 2025-09-21');

select api.import_crs_usage('usage:opus:weekly:00000000-0000-4000-8000-0000000000a2:2026-W01', '{"value": "3"}',
  '2025-09-16T04:00:00Z');
select is(
  (select array_agg(day || '=' || opus_cost) from relaypg.api_key_daily_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a2'),
  array['2025-12-29=3'],
  '2026-W01 lands on Monday 2025-12-29 (the ISO week-year starts in December)');

select * from finish();
rollback;
