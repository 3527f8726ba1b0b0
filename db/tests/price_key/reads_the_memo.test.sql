-- relaypg.price_key returns the entry remembered in relaypg.model_price_keys
-- when the model is there (including a remembered null), and
-- relaypg.resolve_price_key's answer otherwise: the same answer with and
-- without the memo. (Prices: the shipped file db setup loaded.)
begin;
select plan(5);

create temp table models (model text) on commit drop;
insert into models values ('claude-sonnet-4-20250514'), ('claude-sonnet-4-20250514[1m]'), ('gpt-5-codex'),
  ('us.anthropic.claude-sonnet-4-20250514-v1:0'), ('qqqq'), ('');

select is((select count(*) from relaypg.model_price_keys), 0::bigint, 'the memo starts empty');
select is_empty($$select model from models where relaypg.price_key(model) is distinct from relaypg.resolve_price_key(model)$$,
  'without the memo, price_key is resolve_price_key');

select relaypg.remember_price_keys(array(select model from models));
select is((select count(*) from relaypg.model_price_keys), 5::bigint, 'the memo holds the non-empty models');
select is_empty($$select model from models where relaypg.price_key(model) is distinct from relaypg.resolve_price_key(model)$$,
  'with the memo, price_key is still resolve_price_key (a remembered null included)');

update relaypg.model_price_keys set price_key = 'remembered-entry' where model = 'claude-sonnet-4-20250514';
select is(relaypg.price_key('claude-sonnet-4-20250514'), 'remembered-entry', 'price_key answers from the memo when it has the model');

select * from finish();
rollback;
