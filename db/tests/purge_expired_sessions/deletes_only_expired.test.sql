-- api.purge_expired_sessions deletes the sticky sessions and pending OAuth
-- authorisations that expired by p_before (default now(), never later than
-- now(); expires_at <= p_before) and returns how many of each; live ones stay.
begin;
select plan(7);

select tests.create_account('a1');
select tests.create_account('g1', 'gemini');
insert into relaypg.sticky_sessions (platform, session_hash, account_id, created_at, expires_at) values
  ('claude', 'expired', tests.account_id('a1'), now() - interval '2 hours', now() - interval '1 hour'),
  ('claude', 'boundary', tests.account_id('a1'), now() - interval '1 hour', now()),
  ('gemini', 'expired-gemini', tests.account_id('g1'), now() - interval '2 hours', now() - interval '1 second'),
  ('claude', 'live-soon', tests.account_id('a1'), now(), now() + interval '30 minutes'),
  ('claude', 'live-late', tests.account_id('a1'), now(), now() + interval '3 hours');
select api.create_oauth_session('claude', 'oauth', 'o-expired', 'v', null, null, null, tests.keyring());
select api.create_oauth_session('claude', 'oauth', 'o-soon', 'v', null, null, null, tests.keyring(), '5 minutes');
select api.create_oauth_session('claude', 'oauth', 'o-late', 'v', null, null, null, tests.keyring(), '1 day');
update relaypg.oauth_sessions set expires_at = now() - interval '1 minute' where state = 'o-expired';

select is((select row(sticky_sessions, oauth_sessions) from api.purge_expired_sessions())::text,
  row(3::bigint, 1::bigint)::text, 'it returns how many sticky and OAuth sessions it deleted');
select is((select array_agg(s.session_hash order by s.session_hash) from relaypg.sticky_sessions s),
  array['live-late', 'live-soon'], 'only the live sticky sessions stay (one expiring exactly now is purged)');
select is((select array_agg(o.state order by o.state) from relaypg.oauth_sessions o), array['o-late', 'o-soon'],
  'only the live OAuth sessions stay');
select is((select row(sticky_sessions, oauth_sessions) from api.purge_expired_sessions())::text,
  row(0::bigint, 0::bigint)::text, 'a second purge finds nothing');

select is((select row(sticky_sessions, oauth_sessions) from api.purge_expired_sessions(now() + interval '1 hour'))::text,
  row(0::bigint, 0::bigint)::text, 'a p_before in the future is taken as now: live sessions are never purged');
select is((select array_agg(s.session_hash order by s.session_hash) from relaypg.sticky_sessions s), array['live-late', 'live-soon'],
  'the live sticky sessions stay');
select is((select array_agg(o.state order by o.state) from relaypg.oauth_sessions o), array['o-late', 'o-soon'],
  'the live OAuth sessions stay');

select * from finish();
rollback;
