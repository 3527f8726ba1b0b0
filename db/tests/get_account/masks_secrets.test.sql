-- api.get_account returns one account with its secrets named but masked
-- ('********') and the proxy password masked; no secret value appears in it.
begin;
select plan(5);

select tests.create_account('o1', 'openai',
  '{"proxy": {"type": "https", "host": "p.example", "port": 443, "password": "pw-plain-secret"}}',
  '{"accessToken": "at-plain-secret", "openaiOauth": {"refresh_token": "rt-plain-secret"}}');
create temp table shown on commit drop as select * from api.get_account(tests.account_id('o1'));

select is((select row(id, kind, platform, name, version)::text from shown),
  row(tests.account_id('o1'), 'openai', 'openai', 'o1', 1::bigint)::text, 'the account is returned');
select is((select secrets from shown),
  '{"accessToken": "********", "openaiOauth": "********", "proxyPassword": "********"}'::jsonb, 'secrets are masked');
select is((select proxy from shown), '{"type": "https", "host": "p.example", "port": 443, "password": "********"}'::jsonb,
  'the proxy password is masked');
select is((select position('plain-secret' in row(s.*)::text) from shown s), 0, 'no secret value appears in the result');
select is((select secrets_key_version from shown), 1, 'the key version is shown');

select * from finish();
rollback;
