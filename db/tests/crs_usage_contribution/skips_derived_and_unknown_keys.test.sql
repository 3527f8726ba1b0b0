-- relaypg.crs_usage_contribution returns {"skip": why} for a CRS key relaypg
-- derives from others (a key's months and hours, an account's days,
-- months and hours, a key's cost months and hours), and another reason for a
-- key outside the families of CRS 0881cc09 (e.g. a newer CRS's
-- usage:global:total, or system:metrics:minute:*).
begin;
select plan(2);

select is_empty(
  $$select k from unnest(array[
      'usage:monthly:00000000-0000-4000-8000-0000000000a1:2025-09',
      'usage:hourly:00000000-0000-4000-8000-0000000000a1:2025-09-16:11',
      'account_usage:daily:00000000-0000-4000-8000-0000000000b1:2025-09-16',
      'account_usage:monthly:00000000-0000-4000-8000-0000000000b1:2025-09',
      'account_usage:hourly:00000000-0000-4000-8000-0000000000b1:2025-09-16:11',
      'usage:cost:monthly:00000000-0000-4000-8000-0000000000a1:2025-09',
      'usage:cost:hourly:00000000-0000-4000-8000-0000000000a1:2025-09-16:11']) k
     where relaypg.crs_usage_contribution(k, '{"requests": "1", "value": "1"}', 'Asia/Shanghai')
           is distinct from '{"skip": "derived by relaypg from other CRS keys"}'::jsonb$$,
  'every derived key is skipped as derived');
select is_empty(
  $$select k from unnest(array['system:metrics:minute:29301245', 'usage:global:total',
                               'usage:cost:real:total:00000000-0000-4000-8000-0000000000a1']) k
     where relaypg.crs_usage_contribution(k, '{"requests": "1", "value": "1"}', 'Asia/Shanghai') ->> 'skip'
           is distinct from 'not a usage key of CRS 0881cc09 (a newer CRS''s?); left out'$$,
  'a key outside the families of CRS 0881cc09 is skipped as unknown');

select * from finish();
rollback;
