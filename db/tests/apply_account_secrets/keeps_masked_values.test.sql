-- relaypg.apply_account_secrets: the mask a read shows ('********') sent back
-- as a secret or as the proxy password keeps the stored value, so an admin
-- form that returns the whole object never overwrites a secret with its mask.
begin;
select plan(3);

select tests.create_account('a1', p_settings => '{"proxy": {"type": "http", "host": "h", "port": 8080, "password": "real-pw"}}',
  p_secrets => '{"accessToken": "real-token", "refreshToken": "real-refresh"}');

select api.update_account(tests.account_id('a1'), '{}', '{"accessToken": "********", "refreshToken": "new-refresh"}', tests.keyring());
select is((api.account_credentials(tests.account_id('a1'), tests.keyring())).secrets,
  '{"accessToken": "real-token", "refreshToken": "new-refresh"}'::jsonb, 'a masked secret keeps its value; a real one replaces it');

select api.update_account(tests.account_id('a1'), (select jsonb_build_object('proxy', proxy) from api.get_account(tests.account_id('a1'))),
  null, tests.keyring());
select is((api.account_credentials(tests.account_id('a1'), tests.keyring())).proxy ->> 'password', 'real-pw',
  'the proxy as a read shows it (password masked) keeps the stored password');
select is((api.get_account(tests.account_id('a1'))).secrets, '{"accessToken": "********", "proxyPassword": "********", "refreshToken": "********"}'::jsonb,
  'the same secrets are still listed');

select * from finish();
rollback;
