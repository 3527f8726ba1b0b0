-- relaypg.remember_price_keys adds to relaypg.model_price_keys the entry
-- relaypg.resolve_price_key gives each model not yet there (null when no
-- entry prices it), skipping null and empty models and keeping what is
-- already remembered; api.record_usage calls it with the models of its batch.
begin;
select plan(4);

select is((select count(*) from relaypg.model_price_keys), 0::bigint, 'the memo starts empty');

select api.record_usage($$[
  {"requestId": "m-1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514[1m]"},
  {"requestId": "m-2", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "qqqq"},
  {"requestId": "m-3", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514[1m]"}
]$$);
select results_eq($$select model, price_key from relaypg.model_price_keys order by model$$,
  $$values ('claude-sonnet-4-20250514[1m]'::text, relaypg.resolve_price_key('claude-sonnet-4-20250514[1m]')),
           ('qqqq', null::text)$$,
  'recording fills the memo with each model''s entry once (a model no entry prices is remembered as null)');
select isnt(relaypg.resolve_price_key('claude-sonnet-4-20250514[1m]'), null, 'the [1m] model has an entry');

update relaypg.model_price_keys set price_key = 'remembered-entry' where model = 'qqqq';
select relaypg.remember_price_keys(array['qqqq', 'gpt-5', null, '']);
select results_eq($$select model, price_key from relaypg.model_price_keys order by model$$,
  $$values ('claude-sonnet-4-20250514[1m]'::text, relaypg.resolve_price_key('claude-sonnet-4-20250514[1m]')),
           ('gpt-5', 'gpt-5'), ('qqqq', 'remembered-entry')$$,
  'a remembered model is kept as it is; a new one is added; null and empty models are skipped');

select * from finish();
rollback;
