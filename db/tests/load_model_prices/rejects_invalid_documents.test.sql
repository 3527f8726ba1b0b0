-- api.load_model_prices raises RVINV (COLUMN document) for a document that is
-- not a JSON object or that maps a model to something other than an object,
-- or that names a model twice (json keeps both; a raw unique violation must not
-- escape), and RVINV (COLUMN source) for a blank source; a refused load changes
-- nothing.
begin;
select plan(15);

select api.load_model_prices('{"kept": {"input_cost_per_token": 1e-06}}'::json, 'before');

select throws_ok($$select api.load_model_prices('[{"m": {}}]'::json, 'test')$$, 'RVINV', null,
  'an array document raises RVINV');
select is(tests.error_column($$select api.load_model_prices('[{"m": {}}]'::json, 'test')$$), 'document',
  'an array document is named document');
select is(tests.error_column($$select api.load_model_prices('"prices"'::json, 'test')$$), 'document',
  'a string document is named document');
select is(tests.error_column($$select api.load_model_prices('null'::json, 'test')$$), 'document',
  'a JSON null document is named document');
select is(tests.error_column($$select api.load_model_prices(null, 'test')$$), 'document',
  'a missing document is named document');

select throws_ok($$select api.load_model_prices('{"good": {}, "bad": 3e-06}'::json, 'test')$$, 'RVINV', null,
  'a model mapping to a number raises RVINV');
select is(tests.error_column($$select api.load_model_prices('{"good": {}, "bad": 3e-06}'::json, 'test')$$), 'document',
  'a model mapping to a number is named document');
select is(tests.error_column($$select api.load_model_prices('{"bad": [1, 2]}'::json, 'test')$$), 'document',
  'a model mapping to an array is named document');
select is(tests.error_column($$select api.load_model_prices('{"bad": null}'::json, 'test')$$), 'document',
  'a model mapping to a JSON null is named document');

select throws_ok($$select api.load_model_prices('{"twice": {}, "other": {}, "twice": {}}'::json, 'test')$$, 'RVINV', null,
  'a model named twice raises RVINV');
select is(tests.error_column($$select api.load_model_prices('{"twice": {}, "other": {}, "twice": {}}'::json, 'test')$$),
  'document', 'a model named twice is named document');

select throws_ok($$select api.load_model_prices('{"m": {}}'::json, '   ')$$, 'RVINV', null,
  'a blank source raises RVINV');
select is(tests.error_column($$select api.load_model_prices('{"m": {}}'::json, '')$$), 'source',
  'an empty source is named source');
select is(tests.error_column($$select api.load_model_prices('{"m": {}}'::json, null)$$), 'source',
  'a missing source is named source');

select results_eq($$select model, source from relaypg.model_prices$$, $$values ('kept'::text, 'before'::text)$$,
  'the refused loads left the previous prices in place');

select * from finish();
rollback;
