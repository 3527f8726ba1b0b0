-- api.select_account: an account bound to the key (claude_account_id, then
-- claude_console_account_id, then bedrock_account_id) is used whenever it can
-- serve, dedicated or not and whatever the pool prefers, without a sticky
-- mapping; when it cannot serve, the request falls back to the next binding
-- and then to the pool.
begin;
select plan(14);

select tests.create_account('pool', p_settings => '{"priority": 1}');
select tests.create_account('mine', p_settings => '{"priority": 90, "account_type": "dedicated"}');
select tests.create_account('console', 'claude-console', '{"priority": 90, "account_type": "dedicated"}');
select tests.create_account('bedrock', 'bedrock', '{"priority": 90, "account_type": "dedicated"}');
select tests.create_account('gemini', 'gemini', '{"priority": 90, "account_type": "dedicated"}');
select tests.create_key('k-oauth', jsonb_build_object('claude_account_id', tests.account_id('mine')));
select tests.create_key('k-console', jsonb_build_object('claude_console_account_id', tests.account_id('console')));
select tests.create_key('k-bedrock', jsonb_build_object('bedrock_account_id', tests.account_id('bedrock')));
select tests.create_key('k-both', jsonb_build_object('claude_account_id', tests.account_id('mine'),
                                                     'claude_console_account_id', tests.account_id('console')));
select tests.create_key('k-missing', '{"claude_account_id": "6f1c8a52-3d4e-4b7a-9c2d-8e5f0a1b2c3d"}');
select tests.create_key('k-wrong-kind', jsonb_build_object('claude_account_id', tests.account_id('gemini')));

create temp table picked on commit drop as
  select * from api.select_account(tests.key_id('k-oauth'), 'claude', 'claude-sonnet-4-20250514', 'bound-session');
select is((select row(account_id, sticky) from picked)::text, row(tests.account_id('mine'), false)::text,
  'the bound dedicated account is used although the pool prefers another, not as a sticky hit');
select is((tests.account(tests.account_id('mine'))).last_used_at, now(), 'its use is recorded');
select is((select count(*) from relaypg.sticky_sessions), 0::bigint, 'a bound account records no sticky mapping');
select is(tests.selected(tests.key_id('k-console')), 'console', 'a bound Console account is used');
select is((select account_kind from api.select_account(tests.key_id('k-console'), 'claude', 'claude-sonnet-4-20250514', null)),
  'claude-console', 'and reported as such');
select is(tests.selected(tests.key_id('k-bedrock')), 'bedrock', 'a bound Bedrock account is used');
select is(tests.selected(tests.key_id('k-both')), 'mine', 'the OAuth binding comes before the Console binding');
select is(tests.selected(tests.key_id('k-missing')), 'pool', 'a binding naming no account falls back to the pool');
select is(tests.selected(tests.key_id('k-wrong-kind')), 'pool', 'a binding naming an account of another platform falls back to the pool');

select api.pause_account(tests.account_id('mine'));
select is(tests.selected(tests.key_id('k-oauth')), 'pool', 'a paused bound account falls back to the pool');
select is(tests.selected(tests.key_id('k-both')), 'console', 'and to the Console binding when there is one');

select api.resume_account(tests.account_id('mine'));
select api.mark_account_rate_limited(tests.account_id('mine'), now() + interval '30 minutes');
select is(tests.selected(tests.key_id('k-oauth')), 'pool', 'a rate-limited bound account falls back to the pool');
select tests.age_account(tests.account_id('mine'), '31 minutes');
select is(tests.selected(tests.key_id('k-oauth')), 'mine', 'and is used again once its rate limit has ended');

select api.update_account(tests.account_id('console'), '{"model_mapping": {"claude-3-5-haiku-20241022": "haiku"}}', null, tests.keyring());
select is(tests.selected(tests.key_id('k-console')), 'pool', 'a bound account that does not serve the model falls back to the pool');

select * from finish();
rollback;
