-- api.list_accounts shows secrets only by name ('********') and the proxy
-- password masked; no secret value appears in any row.
begin;
select plan(3);

select tests.create_account('a1', 'claude-official',
  '{"proxy": {"type": "socks5", "host": "h", "port": 1080, "password": "pw-plain-secret"}}',
  '{"accessToken": "at-plain-secret", "refreshToken": "rt-plain-secret"}');
select tests.create_account('c1', 'claude-console');

select results_eq($$select name, secrets from api.list_accounts(null, null, null, 500, 0) order by name$$,
  $$values ('a1', '{"accessToken": "********", "refreshToken": "********", "proxyPassword": "********"}'::jsonb),
           ('c1', '{"apiKey": "********"}'::jsonb)$$,
  'secrets are masked');
select is((select proxy from api.list_accounts(null, null, null, 500, 0) where name = 'a1'),
  '{"type": "socks5", "host": "h", "port": 1080, "password": "********"}'::jsonb, 'the proxy password is masked');
select is((select count(*) from api.list_accounts(null, null, null, 500, 0) l
            where row(l.*)::text ~ 'plain-secret|test-upstream-key'), 0::bigint, 'no secret value appears in any row');

select * from finish();
rollback;
