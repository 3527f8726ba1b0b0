-- relaypg.add_to_lifetime_baseline adds p_sign times an item's counters to
-- one part of a scope's CRS lifetime baseline; -1 takes back what +1 added.
begin;
select plan(2);

select relaypg.add_to_lifetime_baseline('{"scope": "account", "scopeId": "a1", "requests": 5, "inputTokens": 50}', 'lifetime', 1);
select relaypg.add_to_lifetime_baseline('{"scope": "account", "scopeId": "a1", "requests": 2, "cacheReadTokens": 7}', 'lifetime', 1);
select is((select row(requests, input_tokens, cache_read_tokens)::text from relaypg.crs_lifetime_baselines where scope_id = 'a1'),
  row(7::bigint, 50::bigint, 7::bigint)::text, 'both items are added up');
select relaypg.add_to_lifetime_baseline('{"scope": "account", "scopeId": "a1", "requests": 2, "cacheReadTokens": 7}', 'lifetime', -1);
select is((select row(requests, input_tokens, cache_read_tokens)::text from relaypg.crs_lifetime_baselines where scope_id = 'a1'),
  row(5::bigint, 50::bigint, 0::bigint)::text, '-1 takes back exactly what +1 added');

select * from finish();
rollback;
