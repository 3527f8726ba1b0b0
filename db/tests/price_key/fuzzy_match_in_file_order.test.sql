-- relaypg.price_key, fuzzy match: the first entry IN FILE ORDER whose
-- normalised name (lower case, '-' and '_' removed) contains the model's
-- normalised name or is contained in it.
begin;
select plan(9);

select api.load_model_prices($doc${
  "Claude_Sonnet-4": {},
  "claude-sonnet-4-20250514": {},
  "vertex_ai/claude-opus-4-1@20250805": {}
}$doc$::json, 'test');

select is(relaypg.price_key('claude-sonnet-4-20250514[1m]'), 'Claude_Sonnet-4',
  'the first entry in file order whose normalised name is contained in the model''s wins');
select is(relaypg.price_key('CLAUDE-SONNET-4-2025'), 'Claude_Sonnet-4',
  'case, dashes and underscores are ignored (the model''s name is contained in the entry''s)');
select is(relaypg.price_key('claude-opus-4-1'), 'vertex_ai/claude-opus-4-1@20250805',
  'an entry whose normalised name contains the model''s matches');
select is(relaypg.price_key('claude_opus_41'), 'vertex_ai/claude-opus-4-1@20250805',
  'underscores and dashes may differ or be missing');

-- The same entries, the other way round: the other one is now first.
select api.load_model_prices($doc${
  "claude-sonnet-4-20250514": {},
  "Claude_Sonnet-4": {}
}$doc$::json, 'test');
select is(relaypg.price_key('claude-sonnet-4-20250514[1m]'), 'claude-sonnet-4-20250514',
  'with the order reversed, the other entry is first and wins');
select is(relaypg.price_key('claude-sonnet'), 'claude-sonnet-4-20250514',
  'a model contained in both entries takes the first');

-- File order, not alphabetical or length order, decides.
select api.load_model_prices('{"zz-claude-haiku": {}, "claude-haiku": {}, "aa-claude-haiku": {}}'::json, 'test');
select is(relaypg.price_key('claude-haiku-x'), 'claude-haiku', 'only an entry contained in the model matches');
select is(relaypg.price_key('haiku'), 'zz-claude-haiku', 'of three matching entries the first in the file wins');

select is(relaypg.price_key('claude-sonnet-4-20250514'), null, 'a model no entry matches has no price key');

select * from finish();
rollback;
