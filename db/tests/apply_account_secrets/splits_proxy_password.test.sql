-- relaypg.apply_account_secrets stores a proxy without its password and the
-- password as the secret proxyPassword; a proxy without a password, or JSON
-- null (no proxy), removes it. The proxy overrides a proxyPassword change.
begin;
select plan(9);

select tests.create_account('a1');
create temp table r on commit drop as select tests.account(tests.account_id('a1')) r0, null::relaypg.accounts r1;

update r set r1 = relaypg.apply_account_secrets(r0,
  '{"type": "socks5", "host": "10.0.0.1", "port": 1080, "username": "u", "password": "proxy-pw"}', null, tests.keyring());
select is((select (r1).proxy from r), '{"type": "socks5", "host": "10.0.0.1", "port": 1080, "username": "u"}'::jsonb,
  'the proxy is kept without its password');
select is((select relaypg.decrypt_secrets((r1).secrets, (r1).secrets_key_version, tests.keyring()) from r),
  '{"accessToken": "test-access-token", "proxyPassword": "proxy-pw"}'::jsonb, 'the password is a secret');
select is((select (r1).secret_names from r), array['accessToken', 'proxyPassword'], 'and is named in secret_names');

select is((select relaypg.decrypt_secrets(s.secrets, s.secrets_key_version, tests.keyring())
             from r, relaypg.apply_account_secrets(r1, '{"type": "http", "host": "h", "port": 80}', '{"proxyPassword": "ignored"}', tests.keyring()) s),
  '{"accessToken": "test-access-token"}'::jsonb, 'a proxy without a password removes proxyPassword, whatever the secrets say');
select is((select relaypg.decrypt_secrets(s.secrets, s.secrets_key_version, tests.keyring()) ->> 'proxyPassword'
             from r, relaypg.apply_account_secrets(r1, null, '{"proxyPassword": "new-pw"}', tests.keyring()) s),
  'new-pw', 'without a proxy change, proxyPassword can be set as a secret');

update r set r1 = relaypg.apply_account_secrets(r1, 'null', null, tests.keyring());
select is((select (r1).proxy from r), null, 'JSON null removes the proxy');
select is((select (r1).secret_names from r), array['accessToken'], 'and its password');

select throws_ok($$select relaypg.apply_account_secrets(r0, '{"type": "ftp", "host": "h", "port": 21}', null, tests.keyring()) from r$$,
  'RVINV', null, 'an invalid proxy raises RVINV');
select is(tests.error_column($$select relaypg.apply_account_secrets(r0, '{"type": "http", "host": "h", "port": 0}', null, tests.keyring()) from r$$),
  'proxy', 'naming proxy');

select * from finish();
rollback;
