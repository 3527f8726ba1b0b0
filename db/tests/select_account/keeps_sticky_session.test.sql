-- api.select_account: the first request of a session records a mapping to
-- the account picked (for p_sticky_ttl); a later request of that session gets
-- the same account back with sticky = true, even when the pool would now
-- prefer another. Mappings are per platform and session hash.
begin;
select plan(11);

select tests.create_key('k1');
select tests.create_key('k2');
select tests.create_account('first', p_settings => '{"priority": 10}');
select tests.create_account('second', p_settings => '{"priority": 20}');

create temp table picked on commit drop as
  select * from api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', 'session-1');
select is((select row(account_id, sticky) from picked)::text, row(tests.account_id('first'), false)::text,
  'the first request is served from the pool, not sticky');
select is((select row(account_id, created_at, expires_at) from relaypg.sticky_sessions
            where platform = 'claude' and session_hash = 'session-1')::text,
  row(tests.account_id('first'), now(), now() + interval '1 hour')::text,
  'and records the mapping for the default TTL of one hour');

select api.update_account(tests.account_id('second'), '{"priority": 1}', null, tests.keyring());
select is(tests.selected(tests.key_id('k1')), 'second', 'the pool now prefers another account');

delete from picked;
insert into picked select * from api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', 'session-1');
select is((select row(account_id, sticky) from picked)::text, row(tests.account_id('first'), true)::text,
  'the session keeps its account, reported as sticky');
select is(tests.selected(tests.key_id('k2'), 'session-1'), 'first',
  'the mapping belongs to the session, whichever key sends it');
select is((select expires_at from relaypg.sticky_sessions where session_hash = 'session-1'), now() + interval '1 hour',
  'a sticky hit without a renewal threshold does not change the expiry');

select tests.age_account(tests.account_id('first'), '10 minutes');
select is(tests.selected(tests.key_id('k1'), 'session-1'), 'first', 'after 10 minutes the session still has its account');
select is((tests.account(tests.account_id('first'))).last_used_at, now(), 'a sticky hit records the use');

select tests.create_account('gem', 'gemini');
select is(tests.selected(tests.key_id('k1'), 'session-1', 'gemini-2.5-pro', 'gemini'), 'gem',
  'the same session hash on another platform is another session');
select is((select array_agg(platform order by platform) from relaypg.sticky_sessions where session_hash = 'session-1'),
  array['claude', 'gemini'], 'with its own mapping');

select api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', 'session-2', '2 hours');
select is((select expires_at from relaypg.sticky_sessions where session_hash = 'session-2'),
  now() + interval '2 hours', 'a new mapping lasts p_sticky_ttl');

select * from finish();
rollback;
