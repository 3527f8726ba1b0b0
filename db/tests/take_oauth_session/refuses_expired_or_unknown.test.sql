-- api.take_oauth_session raises OANFD for an unknown, null or expired session
-- (expired: expires_at <= now()), and ACKEY when the key ring cannot decrypt
-- it; a session refused with ACKEY is kept and can be taken with the right ring.
begin;
select plan(9);

select set_config('tests.expired', api.create_oauth_session('claude', 'oauth', 's1', 'v1', null, null, null, tests.keyring())::text, true);
select set_config('tests.boundary', api.create_oauth_session('claude', 'oauth', 's2', 'v2', null, null, null, tests.keyring())::text, true);
select set_config('tests.live', api.create_oauth_session('claude', 'oauth', 's3', 'v3', null, null, null, tests.keyring())::text, true);
update relaypg.oauth_sessions set expires_at = now() - interval '1 second' where id = current_setting('tests.expired')::uuid;
update relaypg.oauth_sessions set expires_at = now() where id = current_setting('tests.boundary')::uuid;

select throws_ok(format('select api.take_oauth_session(%L, %L)', current_setting('tests.expired'), tests.keyring()),
  'OANFD', null, 'an expired session raises OANFD');
select throws_ok(format('select api.take_oauth_session(%L, %L)', current_setting('tests.boundary'), tests.keyring()),
  'OANFD', null, 'a session expiring exactly now raises OANFD');
select throws_ok(format('select api.take_oauth_session(%L, %L)', '00000000-0000-4000-8000-000000000000', tests.keyring()),
  'OANFD', null, 'an unknown id raises OANFD');
select throws_ok(format('select api.take_oauth_session(null, %L)', tests.keyring()),
  'OANFD', null, 'a null id raises OANFD');

select throws_ok(format('select api.take_oauth_session(%L, %L)', current_setting('tests.live'), tests.keyring(2)),
  'ACKEY', null, 'a key ring without the session''s version raises ACKEY');
select throws_ok(format('select api.take_oauth_session(%L, %L)', current_setting('tests.live'),
    '{"current": 1, "keys": {"1": "another-secret-key-of-version-1"}}'),
  'ACKEY', null, 'a wrong key of the session''s version raises ACKEY');
select throws_ok(format('select api.take_oauth_session(%L, %L)', current_setting('tests.live'), '{}'),
  'ACKEY', null, 'an empty key ring raises ACKEY');
select is((api.take_oauth_session(current_setting('tests.live')::uuid, tests.keyring())).code_verifier, 'v3',
  'after the ACKEY refusals the session is still there and is taken with the right ring');

select is((select count(*) from relaypg.oauth_sessions), 2::bigint,
  'the expired sessions are left to the purge; only the taken one is gone');

select * from finish();
rollback;
