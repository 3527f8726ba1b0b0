-- api.select_account returns when the session's mapping expires (for callers
-- that remember a selection no longer than the mapping lives unrenewed): the
-- new mapping's expiry on a pick, the mapping's on a sticky hit (the renewed
-- one when it was renewed), null without a session or for a bound account.
begin;
select plan(7);

select tests.create_account('pool');
select tests.create_account('dedicated', p_settings => '{"account_type": "dedicated"}');
select tests.create_key('k1');
select tests.create_key('bound', jsonb_build_object('claude_account_id', tests.account_id('dedicated')::text));

select is((select session_expires_at from api.select_account(tests.key_id('k1'), 'claude', 'm', 's1', '1 hour', '15 minutes')),
  now() + interval '1 hour', 'a pick maps the session until now + ttl');
update relaypg.sticky_sessions set expires_at = now() + interval '30 minutes' where session_hash = 's1';
select is((select session_expires_at from api.select_account(tests.key_id('k1'), 'claude', 'm', 's1', '1 hour', '15 minutes')),
  now() + interval '30 minutes', 'a sticky hit returns the mapping''s expiry');
update relaypg.sticky_sessions set expires_at = now() + interval '10 minutes' where session_hash = 's1';
select is((select session_expires_at from api.select_account(tests.key_id('k1'), 'claude', 'm', 's1', '1 hour', '15 minutes')),
  now() + interval '1 hour', 'a renewed one returns its new expiry');
select is((select session_expires_at from api.select_account(tests.key_id('k1'), 'claude', 'm', null)), null, 'no session: null');
select is((select session_expires_at from api.select_account(tests.key_id('bound'), 'claude', 'm', 's2')), null,
  'a bound account maps no session: null');

select api.pause_account(tests.account_id('dedicated'));
select is((select row(account_id, session_expires_at) from api.select_account(tests.key_id('bound'), 'claude', 'm', 's3'))::text,
  row(tests.account_id('pool'), null::timestamptz)::text,
  'a fallback from a bound account that cannot serve is mapped, but returns no expiry (not to be remembered: time alone can undo it)');
select is((select session_expires_at from api.select_account(tests.key_id('bound'), 'claude', 'm', 's3')), null,
  'nor does the sticky hit that follows while the binding is skipped');
rollback;
