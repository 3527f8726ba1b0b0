-- api.price_request, long context: only for a model containing '[1m]' whose
-- input + cache writes + cache reads exceed 200000 tokens (200000 exactly is
-- not long). Then input costs 0.000006 and output 0.0000225 per token (CRS's
-- hard-coded claude-sonnet-4-20250514[1m] prices), while cache prices stay the
-- entry's; a [1m] model without a price entry still pays those input/output
-- prices (and nothing for the cache).
begin;
select plan(11);

select api.load_model_prices($doc${
  "claude-sonnet-4-20250514": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
    "cache_creation_input_token_cost": 3.75e-06, "cache_read_input_token_cost": 3e-07, "litellm_provider": "anthropic"},
  "claude-opus-4-1-20250805": {"input_cost_per_token": 1.5e-05, "output_cost_per_token": 7.5e-05,
    "cache_creation_input_token_cost": 1.875e-05, "cache_read_input_token_cost": 1.5e-06, "litellm_provider": "anthropic"}
}$doc$::json, 'test');

create function pg_temp.cost(p_key text, p_long boolean, p_input numeric, p_output numeric,
                             p_5m numeric, p_1h numeric, p_read numeric)
returns api.request_cost language sql
return row(p_key, p_long, p_input, p_output, p_5m + p_1h, p_5m, p_1h, p_read,
           p_input + p_output + p_5m + p_1h + p_read)::api.request_cost;

select is(api.price_request('claude-sonnet-4-20250514[1m]', 100000, 1000, 60000, null, null, 40000, false, 'details'),
  pg_temp.cost('claude-sonnet-4-20250514', false, 100000 * 0.000003, 1000 * 0.000015, 60000 * 0.00000375, 0, 40000 * 0.0000003),
  '200000 input tokens in all is not long context: the entry''s prices');
select is(api.price_request('claude-sonnet-4-20250514[1m]', 100000, 1000, 60000, null, null, 40001, false, 'details'),
  pg_temp.cost('claude-sonnet-4-20250514', true, 100000 * 0.000006, 1000 * 0.0000225, 60000 * 0.00000375, 0, 40001 * 0.0000003),
  '200001 (one more cache read) is long context: input 0.000006, output 0.0000225, cache prices unchanged');
select is((api.price_request('claude-sonnet-4-20250514[1m]', 100000, 1000, 60001, null, null, 40000, false, 'details')).long_context,
  true, 'one more cache write also makes it long context');
select is((api.price_request('claude-sonnet-4-20250514[1m]', 100001, 1000, 60000, null, null, 40000, false, 'details')).long_context,
  true, 'one more input token also makes it long context');
select is((api.price_request('claude-sonnet-4-20250514[1m]', 0, 300000, 0, null, null, 0, false, 'details')).long_context,
  false, 'output tokens do not count toward long context');

select is(api.price_request('claude-sonnet-4-20250514[1m]', 150000, 1000, 60001, 50001, 10000, 0, true, 'details'),
  pg_temp.cost('claude-sonnet-4-20250514', true, 150000 * 0.000006, 1000 * 0.0000225, 50001 * 0.00000375, 10000 * 0.000006, 0),
  'long context with the split: 5m writes at the entry''s price, 1h writes at the 1-hour price');

select is(api.price_request('claude-opus-4-1-20250805[1m]', 250000, 1000, 0, null, null, 10000, false, 'details'),
  pg_temp.cost('claude-opus-4-1-20250805', true, 250000 * 0.000006, 1000 * 0.0000225, 0, 0, 10000 * 0.0000015),
  'any [1m] model uses the same hard-coded long-context prices (CRS''s only entry, Sonnet 4)');

select is(api.price_request('claude-sonnet-4-20250514', 300000, 1000, 0, null, null, 0, false, 'details'),
  pg_temp.cost('claude-sonnet-4-20250514', false, 300000 * 0.000003, 1000 * 0.000015, 0, 0, 0),
  'a model without [1m] is never long context');

select is(api.price_request('mystery[1m]', 250000, 1000, 5000, null, null, 7000, false, 'details'),
  pg_temp.cost(null, true, 250000 * 0.000006, 1000 * 0.0000225, 0, 0, 0),
  'an unknown [1m] model in long context pays the long-context input/output prices, nothing for the cache');
select is(api.price_request('mystery-sonnet[1m]', 250000, 1000, 5000, 0, 5000, 7000, true, 'details'),
  pg_temp.cost(null, true, 250000 * 0.000006, 1000 * 0.0000225, 0, 5000 * 0.000006, 0),
  'an unknown Sonnet-named [1m] model in long context also pays its 1-hour writes');
select is(api.price_request('mystery[1m]', 200000, 1000, 0, null, null, 0, false, 'details'),
  row(null, false, 0, 0, 0, 0, 0, 0, 0)::api.request_cost,
  'an unknown [1m] model not in long context costs nothing');

select * from finish();
rollback;
