-- relaypg.price_key: an exact name wins over any earlier fuzzy match;
-- gpt-5-codex falls back to gpt-5 when present; a Bedrock id with a us., eu.
-- or apac. region prefix is looked up without it.
begin;
select plan(11);

select api.load_model_prices($doc${
  "claude-sonnet-4": {},
  "claude-sonnet-4-20250514": {},
  "gpt-5c": {},
  "gpt-5": {},
  "claude-x": {},
  "anthropic.claude-x-v1:0": {}
}$doc$::json, 'test');

select is(relaypg.price_key('claude-sonnet-4-20250514'), 'claude-sonnet-4-20250514',
  'an exact name is used even though an earlier entry matches fuzzily');
select is(relaypg.price_key('gpt-5'), 'gpt-5', 'gpt-5 is found by its exact name');
select is(relaypg.price_key('gpt-5-codex'), 'gpt-5',
  'gpt-5-codex falls back to gpt-5 (not the earlier fuzzy match gpt-5c)');
select is(relaypg.price_key('us.anthropic.claude-x-v1:0'), 'anthropic.claude-x-v1:0',
  'a us. Bedrock id is looked up without its region (not the earlier fuzzy match claude-x)');
select is(relaypg.price_key('eu.anthropic.claude-x-v1:0'), 'anthropic.claude-x-v1:0', 'so is an eu. Bedrock id');
select is(relaypg.price_key('apac.anthropic.claude-x-v1:0'), 'anthropic.claude-x-v1:0', 'so is an apac. Bedrock id');
select is(relaypg.price_key('xx.anthropic.claude-x-v1:0'), 'claude-x', 'another prefix is not a region: fuzzy match');

select api.load_model_prices('{"gpt-5-codex": {}, "gpt-5": {}}'::json, 'test');
select is(relaypg.price_key('gpt-5-codex'), 'gpt-5-codex', 'gpt-5-codex is used when the file has it');

select api.load_model_prices('{"gpt-5c": {}, "gpt-4": {}}'::json, 'test');
select is(relaypg.price_key('gpt-5-codex'), 'gpt-5c', 'without gpt-5, gpt-5-codex is matched fuzzily');

select api.load_model_prices('{"claude-x": {}, "us.anthropic.claude-x-v1:0": {}, "anthropic.claude-y-v1:0": {}}'::json, 'test');
select is(relaypg.price_key('us.anthropic.claude-x-v1:0'), 'us.anthropic.claude-x-v1:0',
  'a Bedrock id listed with its region is found by its exact name');
select is(relaypg.price_key('eu.anthropic.claude-x-v1:0'), 'claude-x',
  'without the region-less entry, a Bedrock id is matched fuzzily');

select * from finish();
rollback;
