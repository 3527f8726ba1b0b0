-- relaypg.setting_proxy validates a proxy object and returns it normalised
-- ({type, host, port as a number, username when given}) without its password,
-- with the password apart; null or JSON null means no proxy.
begin;
select plan(8);

select is((relaypg.setting_proxy('proxy', '{"type": "socks5", "host": "10.0.0.1", "port": 1080, "username": "u", "password": "pw"}')).proxy,
  '{"type": "socks5", "host": "10.0.0.1", "port": 1080, "username": "u"}'::jsonb, 'the proxy comes back without its password');
select is((relaypg.setting_proxy('proxy', '{"type": "socks5", "host": "10.0.0.1", "port": 1080, "username": "u", "password": "pw"}')).password,
  'pw', 'the password comes back apart');
select is((relaypg.setting_proxy('proxy', '{"type": "http", "host": "p.example", "port": "8080"}')).proxy,
  '{"type": "http", "host": "p.example", "port": 8080}'::jsonb, 'a port given as a string is stored as a number');
select is(row((relaypg.setting_proxy('proxy', '{"type": "https", "host": "p", "port": 443, "username": "", "password": ""}')).*)::text,
  row('{"type": "https", "host": "p", "port": 443}'::jsonb, null::text)::text,
  'an empty username is left out and an empty password is no password');
select is((relaypg.setting_proxy('proxy', '{"type": "http", "host": "p", "port": 3128, "extra": "dropped"}')).proxy,
  '{"type": "http", "host": "p", "port": 3128}'::jsonb, 'unknown fields are not kept');
select is(row((relaypg.setting_proxy('proxy', null)).*)::text, row(null::jsonb, null::text)::text, 'SQL null: no proxy');
select is(row((relaypg.setting_proxy('proxy', 'null')).*)::text, row(null::jsonb, null::text)::text, 'JSON null: no proxy');
select is((relaypg.setting_proxy('proxy', '{"type": "socks5", "host": "h", "port": 65535}')).proxy ->> 'port', '65535',
  'port 65535 is accepted');

select * from finish();
rollback;
