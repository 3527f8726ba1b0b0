-- api.price_request, plain path (CRS CostCalculator): a model the pricing file
-- does not price costs as CRS's static table says (per million tokens), and a
-- model that table does not list either costs as Sonnet.
begin;
select plan(2);

select api.load_model_prices('{"some-other-model": {"input_cost_per_token": 1e-06}}'::json, 'test');
select is((api.price_request('claude-3-haiku-20240307', 1000000, 1000000, 1000000, 0, 0, 1000000, false, 'plain')).total,
  0.25 + 1.25 + 0.3 + 0.03, 'Claude 3 Haiku at $0.25 / $1.25 / $0.30 / $0.03 per million');
select is((api.price_request('totally-unknown', 1000000, 1000000, 1000000, 0, 0, 1000000, false, 'plain')).total,
  3.0 + 15.0 + 3.75 + 0.3, 'an unlisted model at Sonnet''s $3 / $15 / $3.75 / $0.30 per million');

select * from finish();
rollback;
