-- api.select_account: a mapping is only used while it is live and its account
-- can serve the request. An expired mapping, or one whose account became
-- unavailable (or does not serve the model), is replaced by a new pick.
begin;
select plan(10);

select tests.create_key('k1');
select tests.create_account('a', p_settings => '{"priority": 10}');
select tests.create_account('b', p_settings => '{"priority": 20}');

-- Expiry: 'a' holds the session; 'b' becomes preferred; an hour passes for 'a'.
select tests.selected(tests.key_id('k1'), 'expiring');
select api.update_account(tests.account_id('b'), '{"priority": 1}', null, tests.keyring());
select tests.age_account(tests.account_id('a'), '59 minutes');
select is(tests.selected(tests.key_id('k1'), 'expiring'), 'a', 'a minute before its expiry the mapping is used');
select tests.age_account(tests.account_id('a'), '1 minute');
create temp table picked on commit drop as
  select * from api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', 'expiring');
select is((select row(account_id, sticky) from picked)::text, row(tests.account_id('b'), false)::text,
  'an expired mapping is not used: the pool picks again, not sticky');
select is((select row(account_id, created_at, expires_at) from relaypg.sticky_sessions where session_hash = 'expiring')::text,
  row(tests.account_id('b'), now(), now() + interval '1 hour')::text, 'and the mapping is replaced');

-- Unavailable account: 'b' holds 'paused-away'; 'b' is paused.
select is(tests.selected(tests.key_id('k1'), 'paused-away'), 'b', 'a new session maps to b');
select api.pause_account(tests.account_id('b'));
delete from picked;
insert into picked select * from api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', 'paused-away');
select is((select row(account_id, sticky) from picked)::text, row(tests.account_id('a'), false)::text,
  'when the mapped account is paused another is picked');
select is((select row(account_id, expires_at) from relaypg.sticky_sessions where session_hash = 'paused-away')::text,
  row(tests.account_id('a'), now() + interval '1 hour')::text, 'and the mapping is replaced');
select api.resume_account(tests.account_id('b'));
select is(tests.selected(tests.key_id('k1'), 'paused-away'), 'a', 'the session stays with its new account once b is back');

-- Rate limit, then the model: 'a' holds 'limited'.
select api.mark_account_rate_limited(tests.account_id('b'), now() + interval '1 hour');
select is(tests.selected(tests.key_id('k1'), 'limited'), 'a', 'a new session maps to a (b is rate limited)');
select api.reset_account_state(tests.account_id('b'));
select api.mark_account_rate_limited(tests.account_id('a'), now() + interval '1 hour');
select is(tests.selected(tests.key_id('k1'), 'limited'), 'b', 'a rate-limited mapped account is replaced');
select api.update_account(tests.account_id('b'), '{"model_mapping": {"claude-3-5-haiku-20241022": "claude-3-5-haiku-20241022"}}', null, tests.keyring());
select api.reset_account_state(tests.account_id('a'));
select is(tests.selected(tests.key_id('k1'), 'limited'), 'a', 'a mapped account that does not serve the model is replaced');

select * from finish();
rollback;
