-- api.usage_by_model returns a scope's rollup rows per bucket and model
-- (ordered so) over the local days p_from..p_to of the usage time zone
-- (Asia/Shanghai): grain hour = the UTC hours of those local days; day = the
-- local days; month = the months from p_from's to p_to's. A bucket is given
-- as its start instant. Rollup rows are inserted by hand.
begin;
select plan(4);

create function pg_temp.rollup(p_grain text, p_bucket text, p_scope text, p_model text, p_requests integer)
returns void language plpgsql as $$
begin
  execute format('insert into relaypg.usage_rollups_%s values ($1::%s, $2, $3, $4, $5, $5 * 10, 1, 2, 1, 1, 3, 0, $5 * 0.5)',
                 p_grain, case p_grain when 'hourly' then 'timestamptz' else 'date' end)
    using p_bucket, p_scope, case p_scope when 'all' then '' else '00000000-0000-4000-8000-0000000000a1' end, p_model, p_requests;
end
$$;
select pg_temp.rollup('hourly', '2025-09-15T15:00:00Z', 'key', 'claude-sonnet-4-20250514', 1);
select pg_temp.rollup('hourly', '2025-09-15T16:00:00Z', 'key', 'claude-sonnet-4-20250514', 2);
select pg_temp.rollup('hourly', '2025-09-15T16:00:00Z', 'key', 'claude-opus-4-1-20250805', 4);
select pg_temp.rollup('hourly', '2025-09-16T15:00:00Z', 'key', 'claude-sonnet-4-20250514', 8);
select pg_temp.rollup('hourly', '2025-09-16T16:00:00Z', 'key', 'claude-sonnet-4-20250514', 16);
select pg_temp.rollup('hourly', '2025-09-15T16:00:00Z', 'all', 'claude-sonnet-4-20250514', 32);
select pg_temp.rollup('daily', '2025-09-15', 'key', 'claude-sonnet-4-20250514', 1);
select pg_temp.rollup('daily', '2025-09-16', 'key', 'claude-sonnet-4-20250514', 2);
select pg_temp.rollup('daily', '2025-09-16', 'key', 'claude-opus-4-1-20250805', 4);
select pg_temp.rollup('daily', '2025-09-17', 'key', 'claude-sonnet-4-20250514', 8);
select pg_temp.rollup('daily', '2025-09-18', 'key', 'claude-sonnet-4-20250514', 16);
select pg_temp.rollup('monthly', '2025-08-01', 'key', 'claude-sonnet-4-20250514', 1);
select pg_temp.rollup('monthly', '2025-09-01', 'key', 'claude-sonnet-4-20250514', 2);
select pg_temp.rollup('monthly', '2025-10-01', 'key', 'claude-sonnet-4-20250514', 4);
select pg_temp.rollup('monthly', '2025-11-01', 'key', 'claude-sonnet-4-20250514', 8);

select results_eq(
  $$select bucket, model, requests from api.usage_by_model('key', '00000000-0000-4000-8000-0000000000a1', 'hour',
                                                           '2025-09-16', '2025-09-16')$$,
  $$values ('2025-09-15T16:00:00Z'::timestamptz, 'claude-opus-4-1-20250805'::text, 4::bigint),
           ('2025-09-15T16:00:00Z', 'claude-sonnet-4-20250514', 2), ('2025-09-16T15:00:00Z', 'claude-sonnet-4-20250514', 8)$$,
  'hour: the UTC hours of local 09-16 (15:00Z on the 15th to 16:00Z on the 16th, excluded), of that scope, by bucket and model');
select results_eq(
  $$select bucket, model, requests from api.usage_by_model('key', '00000000-0000-4000-8000-0000000000a1', 'day',
                                                           '2025-09-16', '2025-09-17')$$,
  $$values ('2025-09-16T00:00:00+08:00'::timestamptz, 'claude-opus-4-1-20250805'::text, 4::bigint),
           ('2025-09-16T00:00:00+08:00', 'claude-sonnet-4-20250514', 2), ('2025-09-17T00:00:00+08:00', 'claude-sonnet-4-20250514', 8)$$,
  'day: the local days of the range, each bucket at local midnight');
select results_eq(
  $$select bucket, model, requests from api.usage_by_model('key', '00000000-0000-4000-8000-0000000000a1', 'month',
                                                           '2025-09-16', '2025-10-05')$$,
  $$values ('2025-09-01T00:00:00+08:00'::timestamptz, 'claude-sonnet-4-20250514'::text, 2::bigint),
           ('2025-10-01T00:00:00+08:00', 'claude-sonnet-4-20250514', 4)$$,
  'month: the months from p_from''s to p_to''s, each bucket at its local start');
select is(
  (select row(u.input_tokens, u.output_tokens, u.cache_create_tokens, u.cache_create_5m_tokens, u.cache_create_1h_tokens,
              u.cache_read_tokens, u.all_tokens, u.long_context_requests, u.cost)
     from api.usage_by_model('all', null, 'hour', '2025-09-16', '2025-09-16') u),
  row(320::bigint, 1::bigint, 2::bigint, 1::bigint, 1::bigint, 3::bigint, 326::bigint, 0::bigint, 16.0),
  'every figure is given (all_tokens = input + output + cache writes + cache reads); scope all takes scope_id ''''');

select * from finish();
rollback;
