-- relaypg.price_key gives null for an empty or missing model, for a model no
-- entry matches, and when no prices are loaded; a Bedrock id falls back last
-- to the first entry containing its core name (region and "anthropic." removed).
begin;
select plan(7);

-- db setup loads the shipped prices into a new database: start from none.
delete from relaypg.model_prices;
select is(relaypg.price_key('claude-sonnet-4'), null, 'no prices loaded: no price key');

select api.load_model_prices($doc${
  "claude-sonnet-4": {},
  "bedrock/claude-y-v2:0": {},
  "bedrock/anthropic.claude-y-v2:0": {}
}$doc$::json, 'test');

select is(relaypg.price_key(''), null, 'an empty model has no price key');
select is(relaypg.price_key(null), null, 'a missing model has no price key');
select is(relaypg.price_key('gemini-2.5-pro'), null, 'a model no entry matches has no price key');
select is(relaypg.price_key('claude-sonnet-5'), null, 'a near miss is no match');

select is(relaypg.price_key('us.anthropic.claude-y-v2:0'), 'bedrock/claude-y-v2:0',
  'a Bedrock id with no exact or fuzzy match takes the first entry containing its core name');
select is(relaypg.price_key('anthropic.claude-z-v2:0'), null, 'a Bedrock id whose core name is nowhere has no price key');

select * from finish();
rollback;
