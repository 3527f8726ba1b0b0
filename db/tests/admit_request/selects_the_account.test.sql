-- api.admit_request with p_select (the default) ends with the account
-- selection of api.select_account (p_session_hash, p_sticky_ttl) and returns
-- it beside the lease; with p_select false it selects nothing and the
-- selection columns are null. p_asynchronous_commit without a selection
-- turns synchronous_commit off for the transaction.
begin;
select plan(8);

select tests.create_key('k1', '{"concurrency_limit": 5}');
select tests.create_account('a1');
create function pg_temp.admit(p_request_id text, p_session text, p_select boolean, p_asynchronous_commit boolean default false)
returns text language sql volatile
return (select row(a.account_id, a.account_kind, a.upstream_model, a.sticky, a.account_version, a.session_expires_at,
                   a.lease_expires_at)::text
          from api.admit_request(tests.key_id('k1'), (tests.key(tests.key_id('k1'))).auth_version, p_request_id, 'claude',
                                 'claude-sonnet-4-20250514', p_session, p_select, p_sticky_ttl => '2 hours',
                                 p_asynchronous_commit => p_asynchronous_commit) a);

select is(pg_temp.admit('r1', 'session-1', true),
  row(tests.account_id('a1'), 'claude-official', 'claude-sonnet-4-20250514', false, (tests.account(tests.account_id('a1'))).version,
      now() + interval '2 hours', now() + interval '10 minutes')::text,
  'the selected account, its kind, upstream model and version, the session''s expiry and the lease are returned');
select is((select row(s.account_id, s.expires_at)::text from relaypg.sticky_sessions s where s.session_hash = 'session-1'),
  row(tests.account_id('a1'), now() + interval '2 hours')::text, 'the session is mapped to it for p_sticky_ttl');
select is((tests.account(tests.account_id('a1'))).last_used_at, now(), 'and the account''s use is recorded');
select is(pg_temp.admit('r2', 'session-1', true),
  row(tests.account_id('a1'), 'claude-official', 'claude-sonnet-4-20250514', true, (tests.account(tests.account_id('a1'))).version,
      now() + interval '2 hours', now() + interval '10 minutes')::text,
  'the session''s next request gets it back as sticky');

select is(pg_temp.admit('r3', 'session-2', false),
  row(null::uuid, null::text, null::text, null::boolean, null::bigint, null::timestamptz, now() + interval '10 minutes')::text,
  'with p_select false, only the lease is returned');
select is((select count(*) from relaypg.sticky_sessions where session_hash = 'session-2'), 0::bigint,
  'and no session is mapped');
select is(current_setting('synchronous_commit'), 'on', 'synchronous_commit is on by default');
select pg_temp.admit('r4', null, false, true);
select is(current_setting('synchronous_commit'), 'off',
  'p_asynchronous_commit without a selection turns synchronous_commit off for the transaction');

select * from finish();
rollback;
