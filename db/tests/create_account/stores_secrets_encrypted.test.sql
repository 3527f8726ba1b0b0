-- api.create_account encrypts the secrets (and the proxy password) with the
-- ring's current key: the result masks them, the stored proxy has no
-- password, the ciphertext does not contain any plaintext, and only the key
-- of the recorded version decrypts it. No secrets: no blob, no version.
begin;
select plan(10);

create temp table created on commit drop as
  select * from api.create_account('claude-official',
    '{"name": "a1", "proxy": {"type": "socks5", "host": "10.0.0.1", "port": 1080, "username": "pu", "password": "proxy-pw-plain"}}',
    '{"accessToken": "at-plain-value", "refreshToken": "rt-plain-value"}', tests.keyring(2, array[1, 2]));

select is((select secrets from created),
  '{"accessToken": "********", "refreshToken": "********", "proxyPassword": "********"}'::jsonb, 'the result masks every secret');
select is((select proxy from created),
  '{"type": "socks5", "host": "10.0.0.1", "port": 1080, "username": "pu", "password": "********"}'::jsonb,
  'the result masks the proxy password');
select is((tests.account(tests.account_id('a1'))).proxy, '{"type": "socks5", "host": "10.0.0.1", "port": 1080, "username": "pu"}'::jsonb,
  'the stored proxy has no password');
select is((tests.account(tests.account_id('a1'))).secret_names, array['accessToken', 'proxyPassword', 'refreshToken'],
  'the stored secret_names');
select is((tests.account(tests.account_id('a1'))).secrets_key_version, 2, 'the blob is under the current version');
select is(
  (select position(convert_to('at-plain-value', 'UTF8') in s) + position(convert_to('rt-plain-value', 'UTF8') in s)
        + position(convert_to('proxy-pw-plain', 'UTF8') in s)
     from (select (tests.account(tests.account_id('a1'))).secrets s) x),
  0, 'no plaintext appears in the stored ciphertext');
select is(crypto.pgp_sym_decrypt((tests.account(tests.account_id('a1'))).secrets, 'test-account-secret-key-v2-0123456789abcdef')::jsonb,
  '{"accessToken": "at-plain-value", "refreshToken": "rt-plain-value", "proxyPassword": "proxy-pw-plain"}'::jsonb,
  'the key of version 2 decrypts the blob');
select throws_ok($$select crypto.pgp_sym_decrypt((tests.account(tests.account_id('a1'))).secrets, 'test-account-secret-key-v1-0123456789abcdef')$$,
  '39000', null, 'the key of version 1 does not');

select api.create_account('openai-responses', '{"name": "bare"}', '{}', null);
select is((select row(secrets, secrets_key_version, secret_names)::text from relaypg.accounts where name = 'bare'),
  row(null::bytea, null::integer, '{}'::text[])::text, 'no secrets: no blob, no version, no names');
select is((api.get_account(tests.account_id('bare'))).secrets, '{}'::jsonb, 'and it shows no secrets');

select * from finish();
rollback;
