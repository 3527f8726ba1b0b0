-- relaypg.account_upstream_model: {} serves every model unchanged; otherwise
-- only mapped models are served, under their upstream name (exact match); an
-- array of models is an identity mapping. Selection follows it.
begin;
select plan(9);

select tests.create_account('any', 'claude-console', '{"priority": 90}');
select tests.create_account('mapped', 'claude-console',
  '{"priority": 10, "model_mapping": {"claude-sonnet-4-20250514": "vendor-sonnet-4", "claude-3-5-haiku-20241022": "vendor-haiku"}}');
select tests.create_account('listed', 'ccr', '{"model_mapping": ["claude-sonnet-4-20250514"]}');
create function pg_temp.model(p_name text, p_model text) returns text
language sql stable return relaypg.account_upstream_model(tests.account(tests.account_id(p_name)), p_model);

select is(pg_temp.model('any', 'some-model-nobody-maps'), 'some-model-nobody-maps', '{}: any model is served unchanged');
select is(pg_temp.model('mapped', 'claude-sonnet-4-20250514'), 'vendor-sonnet-4', 'a mapped model is served under its upstream name');
select is(pg_temp.model('mapped', 'claude-3-5-haiku-20241022'), 'vendor-haiku', 'each entry maps its own model');
select is(pg_temp.model('mapped', 'claude-opus-4-1-20250805'), null, 'an unmapped model is not served');
select is(pg_temp.model('mapped', 'CLAUDE-SONNET-4-20250514'), null, 'the requested name must match exactly');
select is(pg_temp.model('listed', 'claude-sonnet-4-20250514'), 'claude-sonnet-4-20250514', 'a listed model is served as is');
select is(pg_temp.model('listed', 'claude-3-5-haiku-20241022'), null, 'a model not in the list is not served');

select tests.create_key('k1');
select is((api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', null)).upstream_model, 'vendor-sonnet-4',
  'select_account returns the mapped upstream name');
select is(tests.selected(tests.key_id('k1'), null, 'claude-opus-4-1-20250805'), 'any',
  'a model the preferred account does not map goes to one that serves every model');

select * from finish();
rollback;
