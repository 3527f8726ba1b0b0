-- api.import_crs_oauth_session imports a pending CRS oauth:{id} hash with its
-- remaining TTL: the PKCE verifier (and a proxy password) encrypted, the
-- rest kept; api.take_oauth_session then returns it. A re-run is
-- 'unchanged'; no remaining TTL is skipped with a note.
begin;
select plan(11);

create temp table fixture on commit drop as select '{"codeChallenge": "3TgblxTNDNDpSUDTSLszIIn5Y8H7v9DAFN58Y470up8",
  "codeVerifier": "TbVqen-m0mbpSb_2VdZNd5VO-dKCsSM5u_u8oE1iAVQ", "createdAt": "2025-09-16T03:56:00.000Z",
  "expiresAt": "2025-09-16T04:06:00.000Z", "proxy": "{\"type\":\"socks5\",\"host\":\"127.0.0.1\",\"port\":1080,\"username\":\"u\",\"password\":\"proxy-pass\"}",
  "state": "qcRSkqziW8u7cLpYoejBxQNT2DzQDxI_53HDZmBI1tY"}'::jsonb as fields;

select is(api.import_crs_oauth_session('oauth:613ce4d4-7935-4bbb-8b2b-34493ab38f82', (select fields from fixture), 360, tests.keyring()),
  ('613ce4d4-7935-4bbb-8b2b-34493ab38f82', 'inserted', '{}')::api.import_result, 'a pending authorisation is inserted');
select is((select row(platform, flow, state, code_challenge, proxy, details, secrets_key_version, created_at, expires_at)
             from relaypg.oauth_sessions where id = '613ce4d4-7935-4bbb-8b2b-34493ab38f82')::text,
  row('claude', 'oauth', 'qcRSkqziW8u7cLpYoejBxQNT2DzQDxI_53HDZmBI1tY', '3TgblxTNDNDpSUDTSLszIIn5Y8H7v9DAFN58Y470up8',
      '{"type": "socks5", "host": "127.0.0.1", "port": 1080, "username": "u"}'::jsonb, '{}'::jsonb, 1,
      '2025-09-16T03:56:00Z'::timestamptz, now() + interval '360 seconds')::text,
  'stored with its remaining TTL; the proxy without its password');
select is((select position(convert_to('TbVqen-m0mbpSb', 'UTF8') in secrets) + position(convert_to('proxy-pass', 'UTF8') in secrets)
             from relaypg.oauth_sessions where id = '613ce4d4-7935-4bbb-8b2b-34493ab38f82'), 0,
  'the verifier and proxy password are not stored in clear');
select is(api.import_crs_oauth_session('oauth:613ce4d4-7935-4bbb-8b2b-34493ab38f82', (select fields from fixture), 300, tests.keyring()),
  ('613ce4d4-7935-4bbb-8b2b-34493ab38f82', 'unchanged', '{}')::api.import_result, 'a re-run is unchanged');
select is((select expires_at from relaypg.oauth_sessions where id = '613ce4d4-7935-4bbb-8b2b-34493ab38f82'), now() + interval '360 seconds',
  'and keeps the first expiry');

create temp table taken on commit drop as select * from api.take_oauth_session('613ce4d4-7935-4bbb-8b2b-34493ab38f82', tests.keyring());
select is((select row(code_verifier, state, code_challenge, proxy) from taken)::text,
  row('TbVqen-m0mbpSb_2VdZNd5VO-dKCsSM5u_u8oE1iAVQ', 'qcRSkqziW8u7cLpYoejBxQNT2DzQDxI_53HDZmBI1tY', '3TgblxTNDNDpSUDTSLszIIn5Y8H7v9DAFN58Y470up8',
      '{"type": "socks5", "host": "127.0.0.1", "port": 1080, "username": "u", "password": "proxy-pass"}'::jsonb)::text,
  'take_oauth_session returns the decrypted verifier and the proxy with its password');

select api.import_crs_oauth_session('oauth:7a3c5e90-1b2d-4f46-8a8c-9e0f1a2b3c4d', '{"codeVerifier": "v-gemini", "state": "s-gemini",
  "type": "gemini", "redirectUri": "https://codeassist.google.com/authcode", "proxy": "", "createdAt": "2025-09-16T03:58:00.000Z"}', 120, tests.keyring());
select is((select row(platform, flow, code_challenge, proxy, details) from relaypg.oauth_sessions where id = '7a3c5e90-1b2d-4f46-8a8c-9e0f1a2b3c4d')::text,
  row('gemini', 'oauth', null::text, null::jsonb, '{"type": "gemini", "redirectUri": "https://codeassist.google.com/authcode"}'::jsonb)::text,
  'a Gemini authorisation: platform gemini, other fields kept in details');
select api.import_crs_oauth_session('oauth:8b4d6fa1-2c3e-4a57-9b9d-0f1a2b3c4d5e', '{"codeVerifier": "v-setup", "state": "s-setup", "type": "setup-token"}', 120, tests.keyring());
select is((select row(platform, flow) from relaypg.oauth_sessions where id = '8b4d6fa1-2c3e-4a57-9b9d-0f1a2b3c4d5e')::text,
  row('claude', 'setup-token')::text, 'a setup-token authorisation');
select api.import_crs_oauth_session('oauth:9c5e70b2-3d4f-4b68-8cae-1a2b3c4d5e6f', '{"codeVerifier": "v-openai", "state": "s-openai", "platform": "openai"}', 120, tests.keyring());
select is((select platform from relaypg.oauth_sessions where id = '9c5e70b2-3d4f-4b68-8cae-1a2b3c4d5e6f'), 'openai', 'an OpenAI authorisation');

select is(api.import_crs_oauth_session('oauth:ad6f81c3-4e50-4c79-9dbf-2b3c4d5e6f70', '{"codeVerifier": "v", "state": "s"}', 0, tests.keyring()),
  (null, 'skipped', array['the authorisation has no remaining TTL'])::api.import_result, 'no remaining TTL is skipped with a note');
select is((select count(*) from relaypg.oauth_sessions where id = 'ad6f81c3-4e50-4c79-9dbf-2b3c4d5e6f70'), 0::bigint, 'and not stored');

select * from finish();
rollback;
