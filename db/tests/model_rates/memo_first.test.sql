-- relaypg.model_rates returns a model's row of the memo
-- relaypg.model_price_keys when there is one, and otherwise computes it
-- (relaypg.compute_model_rates) without writing: recording still prices an
-- event whose model's row a concurrent price load just dropped.
begin;
select plan(3);

select relaypg.remember_price_keys(array['claude-sonnet-4-20250514']);
update relaypg.model_price_keys set price_key = 'remembered-entry', input_rate = 1 where model = 'claude-sonnet-4-20250514';
select is((select row(r.price_key, r.input_rate)::text from relaypg.model_rates('claude-sonnet-4-20250514') r),
  row('remembered-entry', 1)::text, 'a remembered model: the memo''s row');

select is((select row(r.*)::text from relaypg.model_rates('claude-opus-4-1-20250805') r),
  (select row(c.*)::text from relaypg.compute_model_rates('claude-opus-4-1-20250805') c),
  'a model not remembered: its rates computed now');
select is((select count(*) from relaypg.model_price_keys where model = 'claude-opus-4-1-20250805'), 0::bigint,
  'and nothing is written');

select * from finish();
rollback;
