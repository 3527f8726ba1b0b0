-- api.take_oauth_session: the runtime role may call it and it works under that role.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.take_oauth_session(uuid, jsonb)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'take_oauth_session', array['uuid', 'jsonb'], 'take_oauth_session is security definer');

select set_config('tests.keyring', tests.keyring()::text, true);
select set_config('tests.session_id',
  api.create_oauth_session('claude', 'oauth', 'st', 'verifier-app', null, null, null, tests.keyring())::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.take_oauth_session(current_setting('tests.session_id')::uuid, current_setting('tests.keyring')::jsonb)).code_verifier,
  'verifier-app', 'as the runtime role, a session is taken decrypted');
reset role;

select is((select count(*) from relaypg.oauth_sessions), 0::bigint, 'the take made as the runtime role deleted the session');

select * from finish();
rollback;
