-- api.update_account must not store the mask it shows: api.get_account shows
-- the proxy with password '********', and an admin client that sends that
-- proxy object back (e.g. saving an edit form) must not replace the real proxy
-- password with '********' (either keep it or refuse the mask).
begin;
select plan(2);

select tests.create_account('a1', 'claude-official',
  '{"proxy": {"type": "socks5", "host": "h", "port": 1080, "username": "u", "password": "real-proxy-pw"}}');

select tests.error_info(format('select api.update_account(%L, %L, null, %L)', tests.account_id('a1'),
  jsonb_build_object('priority', 5, 'proxy', (api.get_account(tests.account_id('a1'))).proxy), tests.keyring()));

select is((api.get_account(tests.account_id('a1'))).proxy ->> 'password', '********', 'the proxy still shows masked');
select is((api.account_credentials(tests.account_id('a1'), tests.keyring())).proxy ->> 'password', 'real-proxy-pw',
  'the stored proxy password is still the real one after the masked proxy is sent back');

select * from finish();
rollback;
