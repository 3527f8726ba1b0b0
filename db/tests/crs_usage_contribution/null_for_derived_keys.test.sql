-- relaypg.crs_usage_contribution returns null for a CRS key relaypg derives
-- from others (a key's months and hours, an account's totals, days, months
-- and hours, a key's cost months and hours) and for any key outside the
-- usage families (e.g. system:metrics:minute:*).
begin;
select plan(2);

select is_empty(
  $$select k from unnest(array[
      'usage:monthly:00000000-0000-4000-8000-0000000000a1:2025-09',
      'usage:hourly:00000000-0000-4000-8000-0000000000a1:2025-09-16:11',
      'account_usage:00000000-0000-4000-8000-0000000000b1',
      'account_usage:daily:00000000-0000-4000-8000-0000000000b1:2025-09-16',
      'account_usage:monthly:00000000-0000-4000-8000-0000000000b1:2025-09',
      'account_usage:hourly:00000000-0000-4000-8000-0000000000b1:2025-09-16:11',
      'usage:cost:monthly:00000000-0000-4000-8000-0000000000a1:2025-09',
      'usage:cost:hourly:00000000-0000-4000-8000-0000000000a1:2025-09-16:11']) k
     where relaypg.crs_usage_contribution(k, '{"requests": "1", "value": "1"}', 'Asia/Shanghai') is not null$$,
  'every derived key contributes null');
select is(relaypg.crs_usage_contribution('system:metrics:minute:29301245', '{"requests": "1"}', 'Asia/Shanghai'), null::jsonb,
  'a key outside the usage families contributes null');

select * from finish();
rollback;
