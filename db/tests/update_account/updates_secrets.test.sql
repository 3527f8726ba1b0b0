-- api.update_account merges secret changes (null removes one) and the proxy
-- (its password stored as a secret), re-encrypting the blob under the ring's
-- current version; removing every secret leaves no blob.
begin;
select plan(9);

select tests.create_account('a1', 'claude-official', '{}', '{"accessToken": "at-1", "refreshToken": "rt-1"}');

select is((api.update_account(tests.account_id('a1'), null, '{"accessToken": "at-2", "refreshToken": null}', tests.keyring())).secrets,
  '{"accessToken": "********"}'::jsonb, 'the result shows the remaining secret, masked');
select is((api.account_credentials(tests.account_id('a1'), tests.keyring())).secrets, '{"accessToken": "at-2"}'::jsonb,
  'the new value is stored and the secret set to null is removed');

select api.update_account(tests.account_id('a1'), null, '{"email": "a@example.com"}', tests.keyring(2, array[1, 2]));
select is((tests.account(tests.account_id('a1'))).secrets_key_version, 2, 'a secrets change re-encrypts under the current version');
select is((api.account_credentials(tests.account_id('a1'), tests.keyring(2))).secrets,
  '{"accessToken": "at-2", "email": "a@example.com"}'::jsonb, 'readable with the current key alone');

select api.update_account(tests.account_id('a1'),
  '{"proxy": {"type": "http", "host": "p.example", "port": 3128, "username": "u", "password": "pw-1"}}', null, tests.keyring(2));
select is((tests.account(tests.account_id('a1'))).proxy, '{"type": "http", "host": "p.example", "port": 3128, "username": "u"}'::jsonb,
  'a proxy is stored without its password');
select is((api.account_credentials(tests.account_id('a1'), tests.keyring(2))).proxy,
  '{"type": "http", "host": "p.example", "port": 3128, "username": "u", "password": "pw-1"}'::jsonb,
  'the password is kept as a secret');

select api.update_account(tests.account_id('a1'), '{"proxy": null}', null, tests.keyring(2));
select is(row((tests.account(tests.account_id('a1'))).proxy, (tests.account(tests.account_id('a1'))).secret_names)::text,
  row(null::jsonb, array['accessToken', 'email'])::text, 'proxy null removes the proxy and its password');

select api.update_account(tests.account_id('a1'), null, '{"accessToken": null, "email": null}', tests.keyring(2));
select is((select row(secrets, secrets_key_version, secret_names)::text from relaypg.accounts where name = 'a1'),
  row(null::bytea, null::integer, '{}'::text[])::text, 'removing every secret leaves no blob');
select is((api.account_credentials(tests.account_id('a1'), null)).secrets, '{}'::jsonb, 'and no secrets to read');

select * from finish();
rollback;
