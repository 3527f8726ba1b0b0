-- relaypg.resolve_price_key applies CRS's matching rules to
-- relaypg.model_prices every time (exact, gpt-5-codex, Bedrock region, fuzzy
-- in file order, Bedrock core; null when none), never reading the memo
-- relaypg.model_price_keys.
begin;
select plan(6);

select api.load_model_prices($doc${
  "claude-sonnet-4": {},
  "claude-sonnet-4-20250514": {},
  "gpt-5": {},
  "anthropic.claude-x-v1:0": {}
}$doc$::json, 'test');

select is(relaypg.resolve_price_key('claude-sonnet-4-20250514'), 'claude-sonnet-4-20250514', 'an exact name');
select is(relaypg.resolve_price_key('claude-sonnet-4-20250514[1m]'), 'claude-sonnet-4', 'a fuzzy match, first in file order');
select is(relaypg.resolve_price_key('gpt-5-codex'), 'gpt-5', 'gpt-5-codex falls back to gpt-5');
select is(relaypg.resolve_price_key('eu.anthropic.claude-x-v1:0'), 'anthropic.claude-x-v1:0', 'a Bedrock id without its region');
select is(relaypg.resolve_price_key('qqqq'), null, 'no entry: null');

-- Memo rows whose entries differ from what the rules give.
insert into relaypg.model_price_keys
select r.* from unnest(array['claude-sonnet-4-20250514', 'qqqq']) m(model) cross join lateral relaypg.compute_model_rates(m.model) r;
update relaypg.model_price_keys set price_key = case model when 'qqqq' then 'gpt-5' else 'remembered-entry' end;
select is(row(relaypg.resolve_price_key('claude-sonnet-4-20250514'), relaypg.resolve_price_key('qqqq'))::text,
  row('claude-sonnet-4-20250514', null::text)::text, 'a remembered entry does not change its answer');

select * from finish();
rollback;
