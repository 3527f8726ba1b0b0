-- api.usage_totals reads the rollups of one scope (key, account or all):
-- total = the monthly rollups up to p_at's local month, month = that
-- month's rollup, today = the daily rollup of p_at's local day (usage time
-- zone, Asia/Shanghai), every model summed; rows month, today, total. The
-- rollup rows are inserted by hand; requests are powers of two, so a sum
-- tells which rows a period holds.
begin;
select plan(4);

create function pg_temp.rollup(p_grain text, p_bucket date, p_scope text, p_scope_id text, p_model text, p_requests integer)
returns void language plpgsql as $$
begin
  execute format('insert into relaypg.usage_rollups_%s values ($1, $2, $3, $4, $5, $5 * 10, 1, 2, 1, 1, 3, 0, $5 * 0.5)', p_grain)
    using p_bucket, p_scope, p_scope_id, p_model, p_requests;
end
$$;
select pg_temp.rollup('monthly', '2025-08-01', 'account', '00000000-0000-4000-8000-0000000000c1', 'claude-sonnet-4-20250514', 1);
select pg_temp.rollup('monthly', '2025-09-01', 'account', '00000000-0000-4000-8000-0000000000c1', 'claude-sonnet-4-20250514', 2);
select pg_temp.rollup('monthly', '2025-09-01', 'account', '00000000-0000-4000-8000-0000000000c1', 'claude-opus-4-1-20250805', 4);
select pg_temp.rollup('monthly', '2025-10-01', 'account', '00000000-0000-4000-8000-0000000000c1', 'claude-sonnet-4-20250514', 8);
select pg_temp.rollup('daily', '2025-09-15', 'account', '00000000-0000-4000-8000-0000000000c1', 'claude-sonnet-4-20250514', 16);
select pg_temp.rollup('daily', '2025-09-16', 'account', '00000000-0000-4000-8000-0000000000c1', 'claude-sonnet-4-20250514', 32);
select pg_temp.rollup('daily', '2025-09-16', 'account', '00000000-0000-4000-8000-0000000000c1', 'claude-opus-4-1-20250805', 64);
-- Other scopes: the same id as a key, another account, the whole service.
select pg_temp.rollup('monthly', '2025-09-01', 'key', '00000000-0000-4000-8000-0000000000c1', 'claude-sonnet-4-20250514', 128);
select pg_temp.rollup('monthly', '2025-09-01', 'account', '00000000-0000-4000-8000-0000000000c2', 'claude-sonnet-4-20250514', 256);
select pg_temp.rollup('daily', '2025-09-16', 'all', '', 'claude-sonnet-4-20250514', 512);

-- 2025-09-15T17:00Z is 2025-09-16 01:00 in Asia/Shanghai.
select results_eq(
  $$select period, requests from api.usage_totals('account', '00000000-0000-4000-8000-0000000000c1', '2025-09-15T17:00:00Z')$$,
  $$values ('month'::text, 6::bigint), ('today', 96), ('total', 7)$$,
  'month, today (the local day) and total (months up to p_at''s), of that account only');
select is(
  (select row(t.input_tokens, t.output_tokens, t.cache_create_tokens, t.cache_create_5m_tokens, t.cache_create_1h_tokens,
              t.cache_read_tokens, t.all_tokens, t.long_context_requests, t.cost)
     from api.usage_totals('account', '00000000-0000-4000-8000-0000000000c1', '2025-09-15T17:00:00Z') t where t.period = 'today'),
  row(960::bigint, 2::bigint, 4::bigint, 2::bigint, 2::bigint, 6::bigint, 972::bigint, 0::bigint, 48.0),
  'every figure is summed over the models; all_tokens = input + output + cache writes + cache reads');
select results_eq(
  $$select period, requests from api.usage_totals('all', null, '2025-09-15T17:00:00Z')$$,
  $$values ('month'::text, 0::bigint), ('today', 512), ('total', 0)$$,
  'scope all takes scope_id '''' (null given)');
select results_eq(
  $$select period, requests, cost from api.usage_totals('key', '00000000-0000-4000-8000-0000000000c9', '2025-09-15T17:00:00Z')$$,
  $$values ('month'::text, 0::bigint, 0::numeric), ('today', 0, 0), ('total', 0, 0)$$,
  'a scope without rollups gives the three periods at zero');

select * from finish();
rollback;
