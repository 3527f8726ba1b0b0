-- relaypg.compute_model_rates gives a model's price entry, statistics name
-- and the per-token rates api.price_request applies to it: the entry's rates
-- (absent ones 0) and CRS's hard-coded 1-hour write price on the details
-- path; on the plain path the same entry, or CRS's static table for a model
-- the file lacks, and whether cache writes cost the input rate (an OpenAI
-- entry without a cache-write price). It reads the prices, not the memo.
begin;
select plan(6);

select api.load_model_prices($doc${
  "claude-sonnet-4-20250514": {"litellm_provider": "anthropic", "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
    "cache_creation_input_token_cost": 3.75e-06, "cache_read_input_token_cost": 3e-07},
  "gpt-5": {"litellm_provider": "openai", "input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05,
    "cache_read_input_token_cost": 1.25e-07},
  "o1-mini": {"litellm_provider": "azure", "input_cost_per_token": 1e-06, "cache_creation_input_token_cost": 2e-06}
}$doc$::json, 'test');

select is(
  (select row(r.price_key, r.priced, r.normalised_model, r.input_rate, r.output_rate, r.cache_write_rate, r.cache_write_1h_rate,
              r.cache_read_rate, r.plain_input_rate, r.plain_cache_write_rate, r.plain_writes_at_input)::text
     from relaypg.compute_model_rates('claude-sonnet-4-20250514') r),
  row('claude-sonnet-4-20250514', true, 'claude-sonnet-4-20250514', 0.000003, 0.000015, 0.00000375, 0.000006, 0.0000003,
      0.000003, 0.00000375, false)::text,
  'a Claude entry: its rates on both paths, 1-hour writes at $6 per million (Sonnet)');
select is(
  (select row(r.cache_write_rate, r.plain_cache_write_rate, r.plain_writes_at_input)::text from relaypg.compute_model_rates('gpt-5') r),
  row(0, 0, true)::text, 'an OpenAI entry without a cache-write price: writes at the input rate on the plain path');
select is((select r.plain_writes_at_input from relaypg.compute_model_rates('o1-mini') r), false,
  'an o1 entry that has a cache-write price keeps it');
select is(
  (select row(r.price_key, r.priced, r.input_rate, r.cache_write_1h_rate, r.plain_input_rate, r.plain_output_rate,
              r.plain_cache_write_rate, r.plain_cache_read_rate)::text
     from relaypg.compute_model_rates('claude-3-opus-20240229') r),
  row(null::text, false, 0, 0.00003, 15.0 / 1000000, 75.0 / 1000000, 18.75 / 1000000, 1.5 / 1000000)::text,
  'a model the file lacks: unpriced on the details path, CRS''s static table on the plain path');
select is((select row(r.plain_input_rate, r.plain_cache_read_rate)::text from relaypg.compute_model_rates('qqqq') r),
  row(3.0 / 1000000, 0.3 / 1000000)::text, 'a model neither prices: the static table''s unknown row (Sonnet''s prices)');
select is((select r.normalised_model from relaypg.compute_model_rates('us.anthropic.claude-sonnet-4-20250514-v1:0') r),
  'claude-sonnet-4-20250514', 'the statistics name is relaypg.normalise_model''s');

select * from finish();
rollback;
