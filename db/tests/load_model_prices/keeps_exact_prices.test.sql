-- api.load_model_prices reads prices from the file's decimal text, never
-- through a double: exponent notation gives the exact decimal, and digits a
-- double cannot hold are kept. A price that is not a JSON number is no price.
begin;
select plan(5);

select is(api.load_model_prices($doc${
  "m-exponent": {"input_cost_per_token": 8e-07, "output_cost_per_token": 4E-6, "cache_read_input_token_cost": 8.0e-08},
  "m-long": {"input_cost_per_token": 1.23456789012345678901e-06, "output_cost_per_token": 0.30000000000000000001},
  "m-odd": {"input_cost_per_token": "3e-06", "output_cost_per_token": null, "cache_creation_input_token_cost": {"x": 1},
            "cache_read_input_token_cost": 0}
}$doc$::json, 'test'), 3, 'three models are loaded');

select is((select input_cost_per_token::text from relaypg.model_prices where model = 'm-exponent'), '0.0000008',
  '8e-07 is stored as exactly 0.0000008');
select results_eq(
  $$select output_cost_per_token, cache_read_input_token_cost from relaypg.model_prices where model = 'm-exponent'$$,
  $$values (0.000004::numeric, 0.00000008::numeric)$$,
  'upper-case exponents and mantissas with a fraction are exact too');
select results_eq(
  $$select input_cost_per_token, output_cost_per_token from relaypg.model_prices where model = 'm-long'$$,
  $$values (0.00000123456789012345678901::numeric, 0.30000000000000000001::numeric)$$,
  'more digits than a double holds are kept exactly');
select results_eq(
  $$select input_cost_per_token, output_cost_per_token, cache_creation_input_token_cost, cache_read_input_token_cost
      from relaypg.model_prices where model = 'm-odd'$$,
  $$values (null::numeric, null::numeric, null::numeric, 0::numeric)$$,
  'a string, a JSON null or an object is no price; a zero price is 0');

select * from finish();
rollback;
