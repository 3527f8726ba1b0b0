-- api.price_request raises RVINV (COLUMN tokens) for any negative token count
-- and RVINV (COLUMN path) for a path other than details or plain.
begin;
select plan(12);

select api.load_model_prices('{"claude-sonnet-4-20250514": {"input_cost_per_token": 3e-06}}'::json, 'test');

select throws_ok($$select api.price_request('claude-sonnet-4-20250514', -1, 0, 0, 0, 0, 0, false, 'details')$$,
  'RVINV', null, 'negative input tokens raise RVINV');
select is(tests.error_column($$select api.price_request('claude-sonnet-4-20250514', -1, 0, 0, 0, 0, 0, false)$$),
  'tokens', 'negative input tokens are named tokens');
select is(tests.error_column($$select api.price_request('claude-sonnet-4-20250514', 0, -1, 0, 0, 0, 0, false)$$),
  'tokens', 'negative output tokens are named tokens');
select is(tests.error_column($$select api.price_request('claude-sonnet-4-20250514', 0, 0, -1, 0, 0, 0, false)$$),
  'tokens', 'negative cache writes are named tokens');
select is(tests.error_column($$select api.price_request('claude-sonnet-4-20250514', 0, 0, 0, -1, 0, 0, true)$$),
  'tokens', 'negative 5-minute writes are named tokens');
select is(tests.error_column($$select api.price_request('claude-sonnet-4-20250514', 0, 0, 0, 0, -1, 0, true)$$),
  'tokens', 'negative 1-hour writes are named tokens');
select is(tests.error_column($$select api.price_request('mystery-model', 0, 0, 0, null, null, -1, false, 'plain')$$),
  'tokens', 'negative cache reads are named tokens (unknown model, plain path)');

select throws_ok($$select api.price_request('claude-sonnet-4-20250514', 1, 1, 1, 1, 0, 1, true, 'streaming')$$,
  'RVINV', null, 'an unknown path raises RVINV');
select is(tests.error_column($$select api.price_request('claude-sonnet-4-20250514', 1, 1, 1, 1, 0, 1, true, 'streaming')$$),
  'path', 'an unknown path is named path');
select is(tests.error_column($$select api.price_request('claude-sonnet-4-20250514', 1, 1, 1, 1, 0, 1, true, 'Plain')$$),
  'path', 'the path is case-sensitive');
select is(tests.error_column($$select api.price_request('claude-sonnet-4-20250514', 1, 1, 1, 1, 0, 1, true, null)$$),
  'path', 'a missing path is named path');

select lives_ok($$select api.price_request('claude-sonnet-4-20250514', 0, 0, 0, 0, 0, 0, true, 'plain')$$,
  'zero tokens are valid');

select * from finish();
rollback;
