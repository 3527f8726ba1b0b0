-- api.load_model_prices skips an entry whose model name is blank (CRS would
-- keep it, and its empty normalised name would fuzzy-match every model); the
-- other entries keep their file positions and only they are counted.
begin;
select plan(2);

select is(api.load_model_prices('{"": {"input_cost_per_token": 1}, "a": {}, "  ": {}, "b": {}}'::json, 'test'), 2,
  'only the named models are counted');
select results_eq($$select model, file_position from relaypg.model_prices order by file_position$$,
  $$values ('a'::text, 2), ('b', 4)$$, 'the named models are stored at their file positions');

select * from finish();
rollback;
