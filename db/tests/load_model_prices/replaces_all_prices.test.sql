-- api.load_model_prices replaces the whole table: a model absent from the new
-- document is gone, a model in both gets the new prices, position and source.
begin;
select plan(4);

select api.load_model_prices('{"old-only": {"input_cost_per_token": 1e-06},
                               "both": {"input_cost_per_token": 2e-06, "litellm_provider": "a"}}'::json, 'first');

select is(api.load_model_prices('{"new-only": {"input_cost_per_token": 5e-06},
                                  "both": {"input_cost_per_token": 3e-06, "litellm_provider": "b"}}'::json, 'second'),
  2, 'the second load returns the number of models in the new document');
select results_eq(
  $$select model, file_position, provider, input_cost_per_token, source from relaypg.model_prices order by file_position$$,
  $$values ('new-only'::text, 1, null::text, 0.000005::numeric, 'second'::text), ('both', 2, 'b', 0.000003, 'second')$$,
  'the table holds exactly the new document, in its order, with its prices');
select is((select count(*)::int from relaypg.model_prices where model = 'old-only'), 0,
  'a model absent from the new document is gone');

select is(api.load_model_prices('{}'::json, 'empty'), 0, 'an empty document loads no model');

select * from finish();
rollback;
