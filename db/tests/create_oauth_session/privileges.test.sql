-- api.create_oauth_session: the runtime role may call it and the session is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.create_oauth_session(text, text, text, text, text, jsonb, jsonb, jsonb, interval)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'create_oauth_session',
  array['text', 'text', 'text', 'text', 'text', 'jsonb', 'jsonb', 'jsonb', 'interval'], 'create_oauth_session is security definer');

select set_config('tests.keyring', tests.keyring()::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select set_config('tests.session_id',
  api.create_oauth_session('claude', 'oauth', 'st-app', 'verifier-app', 'challenge-app', null, null,
                           current_setting('tests.keyring')::jsonb)::text, true);
reset role;

select is((select o.state from relaypg.oauth_sessions o where o.id = current_setting('tests.session_id')::uuid), 'st-app',
  'the session created as the runtime role is stored');
select is((select count(*) from relaypg.oauth_sessions), 1::bigint, 'exactly one session was stored');

select * from finish();
rollback;
