-- api.price_request, path 'plain' (CRS CostCalculator.calculateCost, used by
-- recordUsage): an OpenAI model (name contains gpt or o1, or provider openai)
-- without a cache-write price pays cache writes at its input price; an
-- unknown model costs as Sonnet ($3 / $15 / $3.75 / $0.30 per million). A
-- [1m] model, or a request with the 5m/1h split, is priced as on the details
-- path (CostCalculator hands those to pricingService).
begin;
select plan(17);

select api.load_model_prices($doc${
  "claude-sonnet-4-20250514": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
    "cache_creation_input_token_cost": 3.75e-06, "cache_read_input_token_cost": 3e-07, "litellm_provider": "anthropic"},
  "gpt-5": {"input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05,
    "cache_read_input_token_cost": 1.25e-07, "litellm_provider": "openai"},
  "azure/o1-mini": {"input_cost_per_token": 1.1e-06, "output_cost_per_token": 4.4e-06,
    "cache_read_input_token_cost": 5.5e-07, "litellm_provider": "azure"},
  "azure/gpt-4o": {"input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05,
    "cache_read_input_token_cost": 1.25e-06, "litellm_provider": "azure"},
  "davinci-002": {"input_cost_per_token": 2e-06, "output_cost_per_token": 2e-06, "litellm_provider": "openai"},
  "gpt-4o-cw": {"input_cost_per_token": 2.5e-06, "output_cost_per_token": 1e-05,
    "cache_creation_input_token_cost": 3.125e-06, "cache_read_input_token_cost": 1.25e-06, "litellm_provider": "openai"},
  "gemini-2.5-pro": {"input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05,
    "cache_read_input_token_cost": 3.1e-07, "litellm_provider": "vertex_ai-language-models"}
}$doc$::json, 'test');

create function pg_temp.cost(p_key text, p_long boolean, p_input numeric, p_output numeric,
                             p_5m numeric, p_1h numeric, p_read numeric)
returns api.request_cost language sql
return row(p_key, p_long, p_input, p_output, p_5m + p_1h, p_5m, p_1h, p_read,
           p_input + p_output + p_5m + p_1h + p_read)::api.request_cost;

-- input 1000, output 200, cache writes 3000, cache reads 5000
select is(api.price_request('gpt-5', 1000, 200, 3000, null, null, 5000, false, 'plain'),
  pg_temp.cost('gpt-5', false, 1000 * 0.00000125, 200 * 0.00001, 3000 * 0.00000125, 0, 5000 * 0.000000125),
  'an OpenAI model without a write price pays cache writes at its input price');
select is(api.price_request('azure/o1-mini', 1000, 200, 3000, null, null, 5000, false, 'plain'),
  pg_temp.cost('azure/o1-mini', false, 1000 * 0.0000011, 200 * 0.0000044, 3000 * 0.0000011, 0, 5000 * 0.00000055),
  'so does a model whose name contains o1 (provider not openai)');
select is(api.price_request('azure/gpt-4o', 1000, 200, 3000, null, null, 5000, false, 'plain'),
  pg_temp.cost('azure/gpt-4o', false, 1000 * 0.0000025, 200 * 0.00001, 3000 * 0.0000025, 0, 5000 * 0.00000125),
  'so does a model whose name contains gpt (provider not openai)');
select is(api.price_request('davinci-002', 1000, 200, 3000, null, null, 5000, false, 'plain'),
  pg_temp.cost('davinci-002', false, 1000 * 0.000002, 200 * 0.000002, 3000 * 0.000002, 0, 0),
  'so does a model of provider openai (name without gpt or o1)');
select is(api.price_request('gpt-4o-cw', 1000, 200, 3000, null, null, 5000, false, 'plain'),
  pg_temp.cost('gpt-4o-cw', false, 1000 * 0.0000025, 200 * 0.00001, 3000 * 0.000003125, 0, 5000 * 0.00000125),
  'an OpenAI model with a write price pays that price');
select is(api.price_request('gemini-2.5-pro', 1000, 200, 3000, null, null, 5000, false, 'plain'),
  pg_temp.cost('gemini-2.5-pro', false, 1000 * 0.00000125, 200 * 0.00001, 0, 0, 5000 * 0.00000031),
  'a model that is not OpenAI and has no write price pays nothing for cache writes');
select is(api.price_request('gpt-5', 1000, 200, 3000, null, null, 5000, false, 'details'),
  pg_temp.cost('gpt-5', false, 1000 * 0.00000125, 200 * 0.00001, 0, 0, 5000 * 0.000000125),
  'the OpenAI rule is the plain path''s only: on the details path the same writes cost nothing');

select is(api.price_request('claude-sonnet-4-20250514', 1000, 200, 3000, null, null, 5000, false, 'plain'),
  pg_temp.cost('claude-sonnet-4-20250514', false, 1000 * 0.000003, 200 * 0.000015, 3000 * 0.00000375, 0, 5000 * 0.0000003),
  'a priced Claude model costs its entry''s prices');

select is(api.price_request('mystery-model', 1000, 200, 3000, null, null, 5000, false, 'plain'),
  pg_temp.cost(null, false, 1000 * 0.000003, 200 * 0.000015, 3000 * 0.00000375, 0, 5000 * 0.0000003),
  'an unknown model costs as Sonnet (3 / 15 / 3.75 / 0.3 per million), with no price key');
select is(api.price_request(null, 1000, 200, 3000, null, null, 5000, false, 'plain'),
  pg_temp.cost(null, false, 1000 * 0.000003, 200 * 0.000015, 3000 * 0.00000375, 0, 5000 * 0.0000003),
  'no model at all costs as Sonnet too');

select is(api.price_request('claude-sonnet-4-20250514[1m]', 250000, 1000, 3000, null, null, 5000, false, 'plain'),
  pg_temp.cost('claude-sonnet-4-20250514', true, 250000 * 0.000006, 1000 * 0.0000225, 3000 * 0.00000375, 0, 5000 * 0.0000003),
  'a [1m] model in long context gets the long-context prices on the plain path');
select is(api.price_request('claude-sonnet-4-20250514[1m]', 250000, 1000, 3000, null, null, 5000, false, 'plain'),
  api.price_request('claude-sonnet-4-20250514[1m]', 250000, 1000, 3000, null, null, 5000, false, 'details'),
  'a [1m] model in long context costs on the plain path what it costs on the details path without the split');
select is(api.price_request('claude-sonnet-4-20250514[1m]', 1000, 200, 3000, null, null, 5000, false, 'plain'),
  api.price_request('claude-sonnet-4-20250514[1m]', 1000, 200, 3000, null, null, 5000, false, 'details'),
  'so does a [1m] model below long context');
select is(api.price_request('mystery[1m]', 1000, 200, 3000, null, null, 5000, false, 'plain'),
  row(null, false, 0, 0, 0, 0, 0, 0, 0)::api.request_cost,
  'an unknown [1m] model costs nothing on the plain path (priced as on details, not as Sonnet)');

select is(api.price_request('claude-sonnet-4-20250514', 1000, 200, 3000, 2000, 1000, 5000, true, 'plain'),
  pg_temp.cost('claude-sonnet-4-20250514', false, 1000 * 0.000003, 200 * 0.000015, 2000 * 0.00000375, 1000 * 0.000006, 5000 * 0.0000003),
  'with the split, the plain path prices 1-hour writes as the details path does');
select is(api.price_request('mystery-model', 1000, 200, 3000, 2000, 1000, 5000, true, 'plain'),
  row(null, false, 0, 0, 0, 0, 0, 0, 0)::api.request_cost,
  'with the split, an unknown model costs nothing (details semantics, not Sonnet)');

select is(api.price_request('mystery-model', 1000, 200, 3000, null, null, 5000, null, 'plain'),
  api.price_request('mystery-model', 1000, 200, 3000, null, null, 5000, false, 'plain'),
  'an unknown split (null) is no split on the plain path too: an unknown model costs as Sonnet');

select * from finish();
rollback;
