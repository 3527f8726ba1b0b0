-- api.import_crs_sticky_session imports a live CRS unified_*_session_mapping
-- with its remaining TTL; a re-run is 'unchanged' and keeps the first expiry;
-- a mapping to an account that is not imported, or without remaining TTL, is
-- skipped with a note, as is one to an account of another platform. The
-- imported mapping then routes the session.
begin;
select plan(11);

select tests.create_account('mapped', p_settings => '{"priority": 90}');
select tests.create_account('preferred', p_settings => '{"priority": 1}');
select tests.create_account('gemini-1', 'gemini');
select tests.create_key('k1');

select is(api.import_crs_sticky_session('claude', '12340abf-33b1-4d0d-ad02-9a6f89846267', tests.account_id('mapped')::text, 2218),
  (tests.account_id('mapped'), 'inserted', '{}')::api.import_result, 'a live mapping is inserted');
select is((select row(platform, account_id, created_at, expires_at) from relaypg.sticky_sessions
            where session_hash = '12340abf-33b1-4d0d-ad02-9a6f89846267')::text,
  row('claude', tests.account_id('mapped'), now(), now() + interval '2218 seconds')::text, 'expiring after its remaining TTL');
select is(api.import_crs_sticky_session('claude', '12340abf-33b1-4d0d-ad02-9a6f89846267', tests.account_id('mapped')::text, 3600),
  (tests.account_id('mapped'), 'unchanged', '{}')::api.import_result, 'a re-run is unchanged');
select is((select expires_at from relaypg.sticky_sessions where session_hash = '12340abf-33b1-4d0d-ad02-9a6f89846267'),
  now() + interval '2218 seconds', 'and keeps the first expiry');
select is(tests.selected(tests.key_id('k1'), '12340abf-33b1-4d0d-ad02-9a6f89846267'), 'mapped',
  'the imported mapping keeps the session on its account although the pool prefers another');

select is(api.import_crs_sticky_session('gemini', '9b85e8ed8c5d30f2f00e6a5be76b6d04', tests.account_id('gemini-1')::text, 2280),
  (tests.account_id('gemini-1'), 'inserted', '{}')::api.import_result, 'mappings are per platform');
select is(api.import_crs_sticky_session('gemini', '0d8b7a1c2e3f4a5b6c7d8e9f0a1b2c3d', tests.account_id('mapped')::text, 2280),
  (null, 'skipped', array[format('account %s is a claude account, not gemini', tests.account_id('mapped'))])::api.import_result,
  'a mapping to an account of another platform is skipped with a note');

select is(api.import_crs_sticky_session('claude', 'b5d38d550c753a748da6831a8ca349f2', '6f1c8a52-3d4e-4b7a-9c2d-8e5f0a1b2c3d', 1904),
  (null, 'skipped', array['account 6f1c8a52-3d4e-4b7a-9c2d-8e5f0a1b2c3d is not imported'])::api.import_result,
  'a mapping to an account that is not imported is skipped with a note');
select is(api.import_crs_sticky_session('claude', 'c5bb69da462d16665b11f938de7dec48', 'not-an-id', 1904),
  (null, 'skipped', array['account not-an-id is not imported'])::api.import_result, 'so is one to an id that is not a UUID');
select is(api.import_crs_sticky_session('claude', 'd29f4fa5a554680370342d74a99e564c', tests.account_id('mapped')::text, 0),
  (null, 'skipped', array['the mapping has no remaining TTL'])::api.import_result, 'a mapping without remaining TTL is skipped with a note');
select is((select count(*) from relaypg.sticky_sessions), 2::bigint, 'skipped mappings are not stored');

select * from finish();
rollback;
