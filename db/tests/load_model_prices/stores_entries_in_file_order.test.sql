-- api.load_model_prices stores every entry of a LiteLLM pricing document: its
-- position in the file (not alphabetical), provider, the four prices, the
-- entry as is (details), the trimmed source and the load time; it returns how
-- many models it stored.
begin;
select plan(6);

select is(api.load_model_prices($doc${
  "zeta-model": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
                 "cache_creation_input_token_cost": 3.75e-06, "cache_read_input_token_cost": 3e-07,
                 "litellm_provider": "anthropic", "max_input_tokens": 200000, "mode": "chat"},
  "alpha-model": {"input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05, "litellm_provider": "openai"},
  "mid-model": {"mode": "embedding"}
}$doc$::json, '  litellm 2025-08-11  '), 3, 'it returns the number of models stored');

select results_eq(
  $$select model, file_position, provider from relaypg.model_prices order by file_position$$,
  $$values ('zeta-model'::text, 1, 'anthropic'::text), ('alpha-model', 2, 'openai'), ('mid-model', 3, null)$$,
  'every model is stored with its position in the file and its provider');

select results_eq(
  $$select model, input_cost_per_token, output_cost_per_token, cache_creation_input_token_cost, cache_read_input_token_cost
      from relaypg.model_prices order by file_position$$,
  $$values ('zeta-model'::text, 0.000003::numeric, 0.000015::numeric, 0.00000375::numeric, 0.0000003::numeric),
           ('alpha-model', 0.00000125, 0.00001, null, null),
           ('mid-model', null, null, null, null)$$,
  'the four prices are stored per token; an absent price is null');

select is((select details from relaypg.model_prices where model = 'zeta-model'),
  '{"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05, "cache_creation_input_token_cost": 3.75e-06,
    "cache_read_input_token_cost": 3e-07, "litellm_provider": "anthropic", "max_input_tokens": 200000, "mode": "chat"}'::jsonb,
  'details holds the whole entry');

select is((select array_agg(distinct source) from relaypg.model_prices), array['litellm 2025-08-11'],
  'every row records the trimmed source');
select is((select array_agg(distinct loaded_at) from relaypg.model_prices), array[now()],
  'every row records the load time');

select * from finish();
rollback;
