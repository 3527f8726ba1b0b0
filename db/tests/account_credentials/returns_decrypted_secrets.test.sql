-- api.account_credentials returns the decrypted secrets (proxyPassword moved
-- back into the proxy, with its password), the kind, version and options;
-- any key ring holding the blob's version works; no secrets is {}.
begin;
select plan(7);

select tests.create_account('o1', 'openai',
  '{"options": {"accountId": "acc-1"}, "proxy": {"type": "socks5", "host": "10.0.0.1", "port": 1080, "username": "pu", "password": "proxy-pw"}}',
  '{"accessToken": "at-1", "openaiOauth": {"id_token": "idt", "refresh_token": "rt"}}');
update relaypg.accounts set priority = 7 where name = 'o1';
create temp table creds on commit drop as select * from api.account_credentials(tests.account_id('o1'), tests.keyring());

select is((select secrets from creds), '{"accessToken": "at-1", "openaiOauth": {"id_token": "idt", "refresh_token": "rt"}}'::jsonb,
  'the secrets are decrypted, proxyPassword left out of them');
select is((select proxy from creds),
  '{"type": "socks5", "host": "10.0.0.1", "port": 1080, "username": "pu", "password": "proxy-pw"}'::jsonb,
  'the proxy comes with its password');
select is((select row(account_id, kind, version, options)::text from creds),
  row(tests.account_id('o1'), 'openai', 2::bigint, '{"accountId": "acc-1"}'::jsonb)::text, 'id, kind, current version and options');
select is((api.account_credentials(tests.account_id('o1'), tests.keyring(3, array[1, 3]))).secrets ->> 'accessToken', 'at-1',
  'a ring whose current version is newer still reads a version-1 blob');

select tests.create_account('r1', 'openai-responses');
select api.update_account(tests.account_id('r1'), '{"proxy": {"type": "http", "host": "h", "port": 80}}', '{"apiKey": null}', tests.keyring());
select is((api.account_credentials(tests.account_id('r1'), null)).secrets, '{}'::jsonb,
  'an account without secrets gives {} and needs no key ring');
select is((api.account_credentials(tests.account_id('r1'), null)).proxy, '{"type": "http", "host": "h", "port": 80}'::jsonb,
  'a proxy without a password comes without one');
select is((api.account_credentials(tests.account_id('r1'), null)).options, '{}'::jsonb,
  'no options: {}');

select * from finish();
rollback;
