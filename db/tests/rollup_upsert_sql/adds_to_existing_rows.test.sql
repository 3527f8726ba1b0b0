-- relaypg.rollup_upsert_sql: the statement inserts a query's rows into the
-- rollup table of its grain and adds them to the counters of rows that exist
-- (same scope, scope id, bucket and model); an unknown grain names no table
-- (22004: format refuses a null identifier).
begin;
select plan(4);

select lives_ok(relaypg.rollup_upsert_sql('day',
  $$select '2025-09-16'::date, 'key', 'k1', 'm', 1::bigint, 10::bigint, 20::bigint, 0::bigint, 0::bigint, 0::bigint, 5::bigint, 0::bigint, 0.5$$),
  'a first row is inserted');
select lives_ok(relaypg.rollup_upsert_sql('day',
  $$select '2025-09-16'::date, 'key', 'k1', 'm', 2::bigint, 1::bigint, 2::bigint, 3::bigint, 1::bigint, 2::bigint, 4::bigint, 1::bigint, 0.25$$),
  'a second row of the same bucket is added');
select is((select row(requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens,
                      cache_read_tokens, long_context_requests, cost)::text
             from relaypg.usage_rollups_daily where scope_id = 'k1'),
  row(3::bigint, 11::bigint, 22::bigint, 3::bigint, 1::bigint, 2::bigint, 9::bigint, 1::bigint, 0.75)::text,
  'every counter is the sum of both');
select throws_ok($$select relaypg.rollup_upsert_sql('week', 'select 1')$$, '22004', null, 'an unknown grain gives no statement');

select * from finish();
rollback;
