-- api.authenticate_api_key refuses a restricted model with AUMOD, also when
-- it carries a CRS vendor prefix ("ccr,model").
begin;
select plan(6);

select tests.create_key('restricted', '{"enable_model_restriction": true, "restricted_models": ["claude-opus-4"]}');
select tests.create_key('not-enforced', '{"enable_model_restriction": false, "restricted_models": ["claude-opus-4"]}');

select is(tests.refusal(tests.digest('restricted'), 'claude', 'claude-opus-4'), 'AUMOD',
  'a restricted model is refused with AUMOD');
select is(tests.refusal(tests.digest('restricted'), 'claude', 'ccr,claude-opus-4'), 'AUMOD',
  'a restricted model behind a vendor prefix is refused with AUMOD');
select is(tests.refusal(tests.digest('restricted'), 'claude', 'claude-sonnet-4'), null,
  'another model is accepted');
select is(tests.refusal(tests.digest('restricted'), 'claude', 'claude-opus-4-20250514'), null,
  'the match is exact, not a prefix');
select is(tests.refusal(tests.digest('restricted'), 'claude', null), null,
  'a request without a model is accepted');
select is(tests.refusal(tests.digest('not-enforced'), 'claude', 'claude-opus-4'), null,
  'the list is ignored while the restriction is disabled');

select * from finish();
rollback;
