-- api.take_oauth_session returns a pending authorisation with its verifier
-- decrypted and its proxy password restored, deletes it, and works once: a
-- second take raises OANFD. A session encrypted under an older key version is
-- taken with a ring that still holds that version.
begin;
select plan(6);

select set_config('tests.session_id',
  api.create_oauth_session('claude', 'setup-token', 'state-123', 'verifier-secret', 'challenge-abc',
    '{"type": "socks5", "host": "proxy.example", "port": 1080, "username": "pu", "password": "proxy-pass"}',
    '{"redirectUri": "https://example/cb"}', tests.keyring())::text, true);
create temp table taken on commit drop as
  select * from api.take_oauth_session(current_setting('tests.session_id')::uuid, tests.keyring());

select is((select row(id, platform, flow, state, code_challenge, code_verifier, details, created_at, expires_at) from taken)::text,
  row(current_setting('tests.session_id')::uuid, 'claude', 'setup-token', 'state-123', 'challenge-abc', 'verifier-secret',
      '{"redirectUri": "https://example/cb"}'::jsonb, now(), now() + interval '10 minutes')::text,
  'the session is returned with its verifier decrypted');
select is((select proxy from taken),
  '{"type": "socks5", "host": "proxy.example", "port": 1080, "username": "pu", "password": "proxy-pass"}'::jsonb,
  'the proxy is returned with its password');
select is((select count(*) from relaypg.oauth_sessions), 0::bigint, 'the session is deleted');
select throws_ok(format('select api.take_oauth_session(%L, %L)', current_setting('tests.session_id'), tests.keyring()),
  'OANFD', null, 'a second take raises OANFD');

select set_config('tests.session_id',
  api.create_oauth_session('gemini', 'oauth', 's2', 'verifier-v1', null, null, null, tests.keyring(1))::text, true);
select is((select row(code_verifier, proxy) from api.take_oauth_session(current_setting('tests.session_id')::uuid,
                                                                         tests.keyring(2, array[1, 2])))::text,
  row('verifier-v1', null::jsonb)::text,
  'a session encrypted under version 1 is taken with a ring whose current version is 2; no proxy stays null');
select is((select count(*) from relaypg.oauth_sessions), 0::bigint, 'that session is deleted too');

select * from finish();
rollback;
