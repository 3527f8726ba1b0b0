-- api.rotate_account_secrets re-encrypts every blob not under the current
-- key (accounts and pending OAuth sessions) with the current key: afterwards
-- every blob is version 2, readable with a ring holding only key 2 and not
-- with one holding only key 1, its content unchanged. Then it returns 0.
begin;
select plan(10);

select tests.create_account('a1', 'claude-official', '{"proxy": {"type": "http", "host": "h", "port": 80, "password": "proxy-pw"}}');
select tests.create_account('c1', 'claude-console');
select tests.create_account('b1', 'bedrock');
select api.create_account('openai-responses', '{"name": "bare"}', '{}', null);
select set_config('tests.oauth_id', api.create_oauth_session('claude', 'oauth', 'state-1', 'verifier-1', 'challenge-1',
  '{"type": "socks5", "host": "h", "port": 1080, "password": "oauth-proxy-pw"}', '{}', tests.keyring())::text, true);
create temp table before on commit drop as
  select a.name, (api.account_credentials(a.id, tests.keyring())).* from relaypg.accounts a;

select is(api.rotate_account_secrets(tests.keyring(2, array[1, 2]), 100), 4,
  'three account blobs and one OAuth session are re-encrypted');
select results_eq('select key_version, accounts from api.account_secret_versions()',
  $$values (2, 4::bigint)$$, 'every blob is now version 2');
select is((select array_agg(secrets_key_version order by name) from relaypg.accounts where secrets is not null),
  array[2, 2, 2], 'each account records version 2');
select is((select row(secrets, secrets_key_version)::text from relaypg.accounts where name = 'bare'),
  row(null::bytea, null::integer)::text, 'an account without secrets is left alone');
select results_eq(
  $$select a.name, c.secrets, c.proxy from relaypg.accounts a, api.account_credentials(a.id, tests.keyring(2)) c order by a.name$$,
  $$select name, secrets, proxy from before order by name$$,
  'with only key 2 in the ring, every account reads as before (proxy password included)');
select throws_ok($$select api.account_credentials(tests.account_id('a1'), tests.keyring(1))$$,
  'ACKEY', null, 'with only key 1 in the ring, an account can no longer be read');
select throws_ok($$select api.account_credentials(tests.account_id('c1'), '{"current": 2, "keys": {"2": "a-different-key-two-000"}}')$$,
  'ACKEY', null, 'nor with another key numbered 2');
select is(api.rotate_account_secrets(tests.keyring(2, array[1, 2]), 100), 0, 'a second run finds nothing left');
select is(api.rotate_account_secrets(tests.keyring(2), 100), 0, 'nor does a run with only key 2');
select is((select row(code_verifier, proxy ->> 'password')::text from api.take_oauth_session(current_setting('tests.oauth_id')::uuid, tests.keyring(2))),
  row('verifier-1', 'oauth-proxy-pw')::text, 'the OAuth session reads with only key 2');

select * from finish();
rollback;
