-- relaypg.account_upstream_model: a Claude OAuth account on a pro or free
-- subscription does not serve Opus (any spelling); max or unknown plans do,
-- and the rule is for claude-official only. Selection follows it.
begin;
select plan(12);

select tests.create_account('pro', 'claude-official', '{"subscription_plan": "pro", "priority": 10}');
select tests.create_account('free', 'claude-official', '{"subscription_plan": "free"}');
select tests.create_account('max', 'claude-official', '{"subscription_plan": "max", "priority": 90}');
select tests.create_account('unknown', 'claude-official', '{"priority": 95}');
select tests.create_account('console', 'claude-console', '{"subscription_plan": "pro", "priority": 99}');
create function pg_temp.model(p_name text, p_model text) returns text
language sql stable return relaypg.account_upstream_model(tests.account(tests.account_id(p_name)), p_model);

select is(pg_temp.model('pro', 'claude-opus-4-1-20250805'), null, 'pro: Opus is refused');
select is(pg_temp.model('pro', 'Claude-3-OPUS-20240229'), null, 'pro: Opus in any letter case is refused');
select is(pg_temp.model('free', 'claude-opus-4-20250514'), null, 'free: Opus is refused');
select is(pg_temp.model('pro', 'claude-sonnet-4-20250514'), 'claude-sonnet-4-20250514', 'pro: Sonnet is served as is');
select is(pg_temp.model('free', 'claude-3-5-haiku-20241022'), 'claude-3-5-haiku-20241022', 'free: Haiku is served as is');
select is(pg_temp.model('max', 'claude-opus-4-1-20250805'), 'claude-opus-4-1-20250805', 'max: Opus is served');
select is(pg_temp.model('unknown', 'claude-opus-4-1-20250805'), 'claude-opus-4-1-20250805', 'unknown plan: Opus is served');
select is(pg_temp.model('console', 'claude-opus-4-1-20250805'), 'claude-opus-4-1-20250805',
  'the plan rule is for Claude OAuth accounts only (a Console account serves Opus)');
select is(pg_temp.model('pro', ''), '', 'an empty model is passed through as empty');
select is(pg_temp.model('pro', null), '', 'a null model becomes empty');

select tests.create_key('k1');
select is(tests.selected(tests.key_id('k1'), null, 'claude-opus-4-1-20250805'), 'max', 'an Opus request skips the pro and free accounts');
select is(tests.selected(tests.key_id('k1'), null, 'claude-sonnet-4-20250514'), 'pro', 'a Sonnet request gets the pro account');

select * from finish();
rollback;
