-- relaypg.to_account maps a stored row to api.account: every secret named in
-- secret_names shows as '********' (values never decrypted), the proxy shows
-- password '********' only when one is stored, quota_reset_time is HH:MM,
-- unavailable_reason is worked out at now(), group_ids are sorted.
begin;
select plan(11);

select tests.create_account('a1', 'claude-official',
  '{"quota_reset_time": "07:05", "proxy": {"type": "socks5", "host": "h", "port": 1080, "username": "u", "password": "proxy-pw"}}',
  '{"accessToken": "at-plain", "refreshToken": "rt-plain"}');
select tests.create_account('a2', 'claude-official', '{"proxy": {"type": "http", "host": "h", "port": 80}}', '{}');
insert into relaypg.account_groups (id, name, platform) values
  ('00000000-0000-4000-8000-0000000000b2', 'g2', 'claude'), ('00000000-0000-4000-8000-0000000000a1', 'g1', 'claude');
insert into relaypg.account_group_members (group_id, account_id) values
  ('00000000-0000-4000-8000-0000000000b2', tests.account_id('a1')), ('00000000-0000-4000-8000-0000000000a1', tests.account_id('a1'));
update relaypg.accounts set rate_limited_until = now() + interval '5 minutes' where name = 'a1';

create temp table shown on commit drop as select (relaypg.to_account(tests.account(tests.account_id('a1')))).*;

select is((select secrets from shown), '{"accessToken": "********", "refreshToken": "********", "proxyPassword": "********"}'::jsonb,
  'every stored secret is named, masked');
select is((select proxy from shown), '{"type": "socks5", "host": "h", "port": 1080, "username": "u", "password": "********"}'::jsonb,
  'the proxy shows a masked password');
select is((select position('plain' in row(s.*)::text) + position('proxy-pw' in row(s.*)::text) from shown s), 0,
  'no secret value appears anywhere in the result');
select is((select quota_reset_time from shown), '07:05', 'quota_reset_time as HH:MM');
select is((select unavailable_reason from shown), 'rate_limited', 'unavailable_reason is worked out at now()');
select is((select group_ids from shown), array['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b2']::uuid[],
  'group_ids, sorted');
select is((select row(id, kind, platform, name, secrets_key_version, version, created_at)::text from shown),
  row(tests.account_id('a1'), 'claude-official', 'claude', 'a1', 1, 2::bigint, now())::text,
  'the plain columns are copied');

select is((relaypg.to_account(tests.account(tests.account_id('a2')))).proxy, '{"type": "http", "host": "h", "port": 80}'::jsonb,
  'a proxy without a stored password shows no password');
select is((relaypg.to_account(tests.account(tests.account_id('a2')))).secrets, '{}'::jsonb, 'no secrets: {}');
select is((relaypg.to_account(tests.account(tests.account_id('a2')))).group_ids, '{}'::uuid[], 'no groups: {}');
select is((relaypg.to_account(tests.account(tests.account_id('a2')))).unavailable_reason, null, 'an available account: null');

select * from finish();
rollback;
