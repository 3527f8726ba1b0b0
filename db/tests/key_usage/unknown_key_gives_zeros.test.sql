-- api.key_usage for a key that has recorded nothing (or does not exist)
-- gives the four periods with every figure zero.
begin;
select plan(1);

select results_eq(
  $$select period, requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens,
           cache_create_1h_tokens, cache_read_tokens, all_tokens, long_context_requests, cost, opus_cost
      from api.key_usage(gen_random_uuid()) order by period$$,
  $$select p, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint, 0::bigint,
           0::numeric, 0::numeric
      from unnest(array['month', 'today', 'total', 'week']) p$$,
  'total, today, week and month, all zero');

select * from finish();
rollback;
