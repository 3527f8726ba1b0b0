-- api.select_account and the model: 'ccr,<model>' goes to CCR accounts only
-- (and CCR accounts serve nothing else) with the model sent upstream without
-- the prefix; a model mapping gives the upstream model and excludes accounts
-- that do not map the requested model; a pro account does not serve Opus.
begin;
select plan(12);

select tests.create_key('k1');
select tests.create_account('ccr', 'ccr', '{"priority": 1, "model_mapping": ["claude-sonnet-4-20250514"]}');
select tests.create_account('ccr-mapped', 'ccr', '{"priority": 2, "model_mapping": {"m-short": "m-upstream"}}');
select tests.create_account('console', 'claude-console', '{"priority": 3, "model_mapping": {"claude-sonnet-4-20250514": "upstream-sonnet"}}');
select tests.create_account('pro', p_settings => '{"priority": 4, "subscription_plan": "pro"}');
select tests.create_account('max', p_settings => '{"priority": 50, "subscription_plan": "max"}');

create temp table picked on commit drop as
  select * from api.select_account(tests.key_id('k1'), 'claude', 'ccr,claude-sonnet-4-20250514', null);
select is((select row(account_id, account_kind, upstream_model)::text from picked),
  row(tests.account_id('ccr'), 'ccr', 'claude-sonnet-4-20250514')::text,
  'ccr,<model> is served by a CCR account, upstream model without the prefix');
select is((select upstream_model from api.select_account(tests.key_id('k1'), 'claude', 'ccr,m-short', null)), 'm-upstream',
  'a CCR account''s mapping applies to the model after the prefix');
select is(tests.selected(tests.key_id('k1'), null, 'ccr,m-short'), 'ccr-mapped', 'by the CCR account that maps it');

delete from picked;
insert into picked select * from api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', null);
select is((select row(account_id, account_kind, upstream_model)::text from picked),
  row(tests.account_id('console'), 'claude-console', 'upstream-sonnet')::text,
  'without the prefix CCR accounts are not in the pool; the Console mapping gives the upstream model');
select is(tests.selected(tests.key_id('k1'), null, 'claude-3-5-haiku-20241022'), 'pro',
  'an account whose mapping lacks the model is skipped');
select is((select upstream_model from api.select_account(tests.key_id('k1'), 'claude', 'claude-3-5-haiku-20241022', null)),
  'claude-3-5-haiku-20241022', 'an account without a mapping sends the model as requested');
select is(tests.selected(tests.key_id('k1'), null, 'claude-opus-4-1-20250805'), 'max', 'Opus is not served by a pro account');
select is(tests.selected(tests.key_id('k1'), null, 'Claude-OPUS-4'), 'max', 'whatever its case');

select tests.create_key('k-bound', jsonb_build_object('claude_account_id', tests.account_id('pro')));
select is(tests.selected(tests.key_id('k-bound'), null, 'claude-opus-4-1-20250805'), 'max',
  'a bound pro account does not serve Opus either: the request falls back to the pool');
select is(tests.selected(tests.key_id('k-bound'), null, 'ccr,claude-sonnet-4-20250514'), 'ccr',
  'a key''s binding does not apply to ccr,<model>');

select api.pause_account(tests.account_id('ccr'));
select api.pause_account(tests.account_id('ccr-mapped'));
select throws_ok($$select tests.selected(tests.key_id('k1'), null, 'ccr,claude-sonnet-4-20250514')$$, 'SLNAV', null,
  'with no CCR account available ccr,<model> raises SLNAV (no fallback to other kinds)');
select is(tests.error_info($$select tests.selected(tests.key_id('k1'), null, 'ccr,claude-sonnet-4-20250514')$$) ->> 'detail',
  '2 paused', 'the detail counts the CCR accounts');

select * from finish();
rollback;
