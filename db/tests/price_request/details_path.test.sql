-- api.price_request, path 'details' (CRS pricingService.calculateCost, the
-- streaming path): input, output and cache reads at the entry's prices; with
-- the cache split, 5-minute writes at cache_creation_input_token_cost and
-- 1-hour writes at CRS's hard-coded 1-hour price; without it, every cache
-- write at the 5-minute price. An unknown model costs nothing (price_key
-- null). The total is the sum of the parts.
begin;
select plan(11);

select api.load_model_prices($doc${
  "claude-sonnet-4-20250514": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
    "cache_creation_input_token_cost": 3.75e-06, "cache_read_input_token_cost": 3e-07, "litellm_provider": "anthropic"},
  "claude-opus-4-1-20250805": {"input_cost_per_token": 1.5e-05, "output_cost_per_token": 7.5e-05,
    "cache_creation_input_token_cost": 1.875e-05, "cache_read_input_token_cost": 1.5e-06, "litellm_provider": "anthropic"},
  "claude-3-5-haiku-20241022": {"input_cost_per_token": 8e-07, "output_cost_per_token": 4e-06,
    "cache_creation_input_token_cost": 1e-06, "cache_read_input_token_cost": 8e-08, "litellm_provider": "anthropic"},
  "gemini-2.5-pro": {"input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05,
    "cache_read_input_token_cost": 3.1e-07, "litellm_provider": "vertex_ai-language-models"}
}$doc$::json, 'test');

-- The expected cost from its parts (cache_create = 5m + 1h; total = the sum).
create function pg_temp.cost(p_key text, p_long boolean, p_input numeric, p_output numeric,
                             p_5m numeric, p_1h numeric, p_read numeric)
returns api.request_cost language sql
return row(p_key, p_long, p_input, p_output, p_5m + p_1h, p_5m, p_1h, p_read,
           p_input + p_output + p_5m + p_1h + p_read)::api.request_cost;

-- input 1234, output 567, cache writes 8900 (5m 6000, 1h 2900), cache reads 43210
select is(api.price_request('claude-sonnet-4-20250514', 1234, 567, 8900, 6000, 2900, 43210, true, 'details'),
  pg_temp.cost('claude-sonnet-4-20250514', false, 1234 * 0.000003, 567 * 0.000015,
               6000 * 0.00000375, 2900 * 0.000006, 43210 * 0.0000003),
  'Sonnet with the split: 5m writes at the entry''s write price, 1h writes at 0.000006');
select is(api.price_request('claude-opus-4-1-20250805', 1234, 567, 8900, 6000, 2900, 43210, true, 'details'),
  pg_temp.cost('claude-opus-4-1-20250805', false, 1234 * 0.000015, 567 * 0.000075,
               6000 * 0.00001875, 2900 * 0.00003, 43210 * 0.0000015),
  'Opus with the split: 1h writes at 0.00003');
select is(api.price_request('claude-3-5-haiku-20241022', 1234, 567, 8900, 6000, 2900, 43210, true, 'details'),
  pg_temp.cost('claude-3-5-haiku-20241022', false, 1234 * 0.0000008, 567 * 0.000004,
               6000 * 0.000001, 2900 * 0.0000016, 43210 * 0.00000008),
  'Haiku with the split: 1h writes at 0.0000016');
select is(api.price_request('gemini-2.5-pro', 1234, 567, 8900, 6000, 2900, 43210, true, 'details'),
  pg_temp.cost('gemini-2.5-pro', false, 1234 * 0.00000125, 567 * 0.00001, 0, 0, 43210 * 0.00000031),
  'a model without a write price and of no Claude family pays nothing for cache writes');

select is(api.price_request('claude-sonnet-4-20250514', 1234, 567, 8900, 6000, 2900, 43210, false, 'details'),
  pg_temp.cost('claude-sonnet-4-20250514', false, 1234 * 0.000003, 567 * 0.000015, 8900 * 0.00000375, 0, 43210 * 0.0000003),
  'without the split, all cache writes are charged at the 5-minute price (the 5m/1h counts are ignored)');
select is(api.price_request('claude-opus-4-1-20250805', 0, 0, 8900, null, null, 0, false, 'details'),
  pg_temp.cost('claude-opus-4-1-20250805', false, 0, 0, 8900 * 0.00001875, 0, 0),
  'without the split, Opus cache writes are all at its 5-minute price');

select is((select row(c.input + c.output + c.cache_create + c.cache_read = c.total, c.total)
             from api.price_request('claude-sonnet-4-20250514', 1234, 567, 8900, 6000, 2900, 43210, true, 'details') c),
  row(true, 1234 * 0.000003 + 567 * 0.000015 + 6000 * 0.00000375 + 2900 * 0.000006 + 43210 * 0.0000003),
  'the total is the sum of the parts, exactly');

select is(api.price_request('claude-sonnet-4-20250514', 1234, null, null, null, null, null, true, 'details'),
  pg_temp.cost('claude-sonnet-4-20250514', false, 1234 * 0.000003, 0, 0, 0, 0),
  'a missing token count counts as zero');

select is(api.price_request('claude-sonnet-4-20250514', 1234, 567, 8900, 6000, 2900, 43210, true),
  api.price_request('claude-sonnet-4-20250514', 1234, 567, 8900, 6000, 2900, 43210, true, 'details'),
  'the path defaults to details');

select is(api.price_request('mystery-model', 1234, 567, 8900, 6000, 2900, 43210, true, 'details'),
  row(null, false, 0, 0, 0, 0, 0, 0, 0)::api.request_cost,
  'an unknown model costs nothing, with no price key');
select is(api.price_request('claude-sonnet-mystery', 1234, 567, 8900, 6000, 2900, 43210, false, 'details'),
  row(null, false, 0, 0, 0, 0, 0, 0, 0)::api.request_cost,
  'an unknown Sonnet-named model costs nothing either (no 1-hour price without the split)');

select * from finish();
rollback;
