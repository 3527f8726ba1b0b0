-- api.import_crs_account encrypts the secrets it is given (decrypted by the
-- importer) with the key ring's current key; the proxy JSON text is stored
-- without its password, which becomes the proxyPassword secret.
begin;
select plan(9);

select api.import_crs_account('claude:account:7da05e2c-6f81-4cb3-9e50-91c24f6d8ea5', 'claude-official',
  tests.crs_claude_account('7da05e2c-6f81-4cb3-9e50-91c24f6d8ea5', jsonb_build_object(
    'proxy', '{"type":"socks5","host":"127.0.0.1","port":1080,"username":"relay","password":"proxy-pass-1"}',
    'accessToken', '0a1b2c3d4e5f60718293a4b5c6d7e8f9:22dd')),
  '{"accessToken": "sk-ant-oat01-live", "refreshToken": "sk-ant-ort01-live", "email": "ops@example.com", "password": "",
    "claudeAiOauth": {"accessToken": "sk-ant-oat01-old", "refreshToken": "sk-ant-ort01-old", "expiresAt": 1754539560000, "scopes": ["user:inference", "user:profile"]}}',
  tests.keyring());

create temp table credentials on commit drop as
  select * from api.account_credentials('7da05e2c-6f81-4cb3-9e50-91c24f6d8ea5', tests.keyring());
select is((select secrets from credentials),
  '{"accessToken": "sk-ant-oat01-live", "refreshToken": "sk-ant-ort01-live", "email": "ops@example.com",
    "claudeAiOauth": {"accessToken": "sk-ant-oat01-old", "refreshToken": "sk-ant-ort01-old", "expiresAt": 1754539560000, "scopes": ["user:inference", "user:profile"]},
    "subscriptionInfo": "{\"accountType\":\"claude_max\",\"hasClaudeMax\":true,\"hasClaudePro\":false}"}'::jsonb,
  'the secrets are returned decrypted (an empty password is no secret; the profile, which holds the email, is one)');
select is((select proxy from credentials),
  '{"type": "socks5", "host": "127.0.0.1", "port": 1080, "username": "relay", "password": "proxy-pass-1"}'::jsonb,
  'the proxy comes back with its password');
select is((tests.account('7da05e2c-6f81-4cb3-9e50-91c24f6d8ea5')).proxy,
  '{"type": "socks5", "host": "127.0.0.1", "port": 1080, "username": "relay"}'::jsonb, 'the stored proxy has no password');
select is((tests.account('7da05e2c-6f81-4cb3-9e50-91c24f6d8ea5')).secret_names,
  array['accessToken', 'claudeAiOauth', 'email', 'proxyPassword', 'refreshToken', 'subscriptionInfo'], 'the secret names are listed');
select is((select position(convert_to('sk-ant-oat01-live', 'UTF8') in a.secrets) + position(convert_to('proxy-pass-1', 'UTF8') in a.secrets)
             from relaypg.accounts a where a.id = '7da05e2c-6f81-4cb3-9e50-91c24f6d8ea5'), 0,
  'the stored blob does not hold the secrets in clear');
select is((select (a.crs_extra ? 'accessToken') or a.crs_extra::text like '%proxy-pass-1%' or a.options::text like '%proxy-pass-1%'
             from relaypg.accounts a where a.id = '7da05e2c-6f81-4cb3-9e50-91c24f6d8ea5'), false,
  'neither crs_extra nor options holds a secret or the proxy password');
select throws_ok($$select api.account_credentials('7da05e2c-6f81-4cb3-9e50-91c24f6d8ea5', tests.keyring(2))$$, 'ACKEY', null,
  'another key cannot read them');

select api.import_crs_account('claude:account:8eb16f3d-7092-4dc4-8f61-a2d3507e9fb6', 'claude-official',
  tests.crs_claude_account('8eb16f3d-7092-4dc4-8f61-a2d3507e9fb6'), '{"accessToken": "sk-ant-oat01-v3"}', tests.keyring(3, array[1, 3]));
select is((tests.account('8eb16f3d-7092-4dc4-8f61-a2d3507e9fb6')).secrets_key_version, 3, 'the key ring''s current version is used');
select throws_ok($$select api.import_crs_account('claude:account:9fc2703e-81a3-4ed5-9072-b3e4618fa0c7', 'claude-official',
    tests.crs_claude_account('9fc2703e-81a3-4ed5-9072-b3e4618fa0c7'), '{"accessToken": "sk-ant-oat01-x"}', '{"current": 1, "keys": {}}')$$,
  'ACKEY', null, 'a key ring without the current key raises ACKEY');

select * from finish();
rollback;
