-- api.create_oauth_session stores a pending authorisation for p_ttl (10
-- minutes by default): the PKCE verifier and the proxy password only inside
-- the encrypted secrets (under the key ring's current version), the proxy
-- without its password.
begin;
select plan(9);

select set_config('tests.session_id',
  api.create_oauth_session('claude', 'setup-token', 'state-123', 'verifier-secret-0123456789', 'challenge-abc',
    '{"type": "socks5", "host": "proxy.example", "port": "1080", "username": "pu", "password": "proxy-pass-xyz"}',
    '{"redirectUri": "https://example/cb"}', tests.keyring(2, array[1, 2]))::text, true);
create function pg_temp.session() returns relaypg.oauth_sessions language sql stable
  return (select o from relaypg.oauth_sessions o where o.id = current_setting('tests.session_id')::uuid);

select is((select row(s.platform, s.flow, s.state, s.code_challenge, s.details, s.created_at, s.expires_at)
             from pg_temp.session() s)::text,
  row('claude', 'setup-token', 'state-123', 'challenge-abc', '{"redirectUri": "https://example/cb"}'::jsonb,
      now(), now() + interval '10 minutes')::text,
  'the session is stored with its fields, expiring 10 minutes from now by default');
select is((pg_temp.session()).proxy, '{"type": "socks5", "host": "proxy.example", "port": 1080, "username": "pu"}'::jsonb,
  'the proxy is stored without its password');
select is(position(convert_to('verifier-secret-0123456789', 'UTF8') in (pg_temp.session()).secrets), 0,
  'the stored secrets do not contain the verifier in clear');
select is(position(convert_to('proxy-pass-xyz', 'UTF8') in (pg_temp.session()).secrets), 0,
  'the stored secrets do not contain the proxy password in clear');
select is((pg_temp.session()).secrets_key_version, 2, 'the secrets are encrypted under the current version');
select is(relaypg.decrypt_secrets((pg_temp.session()).secrets, 2, tests.keyring(2)),
  '{"codeVerifier": "verifier-secret-0123456789", "proxyPassword": "proxy-pass-xyz"}'::jsonb,
  'the current key decrypts the verifier and the proxy password');

select set_config('tests.session_id',
  api.create_oauth_session('gemini', 'oauth', 's2', 'v2', null, null, null, tests.keyring(), '1 day')::text, true);
select is((select row(s.code_challenge, s.proxy, s.details, s.expires_at) from pg_temp.session() s)::text,
  row(null::text, null::jsonb, '{}'::jsonb, now() + interval '1 day')::text,
  'optional fields default (no challenge, no proxy, {} details) and p_ttl sets the expiry');
select is(relaypg.decrypt_secrets((pg_temp.session()).secrets, 1, tests.keyring()), '{"codeVerifier": "v2"}'::jsonb,
  'without a proxy password only the verifier is encrypted');

select set_config('tests.session_id',
  api.create_oauth_session('openai', 'oauth', 's3', 'v3', 'c3', '{"type": "http", "host": "h", "port": 8080}', '{}',
    tests.keyring())::text, true);
select is(relaypg.decrypt_secrets((pg_temp.session()).secrets, 1, tests.keyring()), '{"codeVerifier": "v3"}'::jsonb,
  'a proxy without a password adds no proxyPassword');

select * from finish();
rollback;
