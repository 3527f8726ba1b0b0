-- api.admit_request: the runtime role may call it (security definer, writing
-- the private lease and ledger tables) and what an admission made as that
-- role takes (lease, window request, sticky mapping) is stored.
begin;
select plan(5);

select ok(tests.app_role_is_granted_execute(
    'api.admit_request(uuid, bigint, text, text, text, text, boolean, interval, interval, interval, boolean)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'admit_request',
  array['uuid', 'bigint', 'text', 'text', 'text', 'text', 'boolean', 'interval', 'interval', 'interval', 'boolean'],
  'admit_request is security definer');

select set_config('tests.key_id',
  tests.create_key('k1', '{"concurrency_limit": 2, "rate_limit_window": 60, "rate_limit_requests": 10}')::text, true);
select set_config('tests.auth_version', (tests.key(tests.key_id('k1'))).auth_version::text, true);
select set_config('tests.account_id', tests.create_account('a1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select row(a.account_id, a.lease_expires_at)::text
             from api.admit_request(current_setting('tests.key_id')::uuid, current_setting('tests.auth_version')::bigint,
                                    'priv-1', 'claude', 'claude-sonnet-4-20250514', 'session-1') a),
  row(current_setting('tests.account_id')::uuid, now() + interval '10 minutes')::text,
  'as the runtime role, a request is admitted with its account and lease');
reset role;

select is((select row(l.api_key_id, l.expires_at)::text from relaypg.concurrency_leases l where l.request_id = 'priv-1'),
  row(tests.key_id('k1'), now() + interval '10 minutes')::text, 'the lease taken as the runtime role is stored');
select is(row((select u.window_requests from relaypg.api_key_usage u where u.api_key_id = tests.key_id('k1')),
              (select s.account_id from relaypg.sticky_sessions s where s.session_hash = 'session-1'))::text,
  row(1::bigint, tests.account_id('a1'))::text, 'and so are the window request and the sticky mapping');

select * from finish();
rollback;
