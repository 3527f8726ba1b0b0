-- api.import_crs_oauth_session raises IMBAD for a Redis key not ending with a
-- UUID ((key)), a record without codeVerifier or state (codeVerifier) or an
-- unusable proxy (proxy), and ACKEY for a key ring without its current key.
begin;
select plan(8);

select throws_ok($$select api.import_crs_oauth_session('oauth:abc', '{"codeVerifier": "v", "state": "s"}', 60, tests.keyring())$$,
  'IMBAD', null, 'a key without a UUID raises IMBAD');
select is(tests.error_column($$select api.import_crs_oauth_session(null, '{"codeVerifier": "v", "state": "s"}', 60, tests.keyring())$$),
  '(key)', 'a missing key names (key)');
select is(tests.error_column($$select api.import_crs_oauth_session('oauth:613ce4d4-7935-4bbb-8b2b-34493ab38f82', '{"state": "s"}', 60, tests.keyring())$$),
  'codeVerifier', 'a missing verifier names codeVerifier');
select is(tests.error_column($$select api.import_crs_oauth_session('oauth:613ce4d4-7935-4bbb-8b2b-34493ab38f82', '{"codeVerifier": "v", "state": ""}', 60, tests.keyring())$$),
  'codeVerifier', 'so does a missing state');
select is(tests.error_column($$select api.import_crs_oauth_session('oauth:613ce4d4-7935-4bbb-8b2b-34493ab38f82', '[]', 60, tests.keyring())$$),
  'codeVerifier', 'and fields that are not an object');
select is(tests.error_column($$select api.import_crs_oauth_session('oauth:613ce4d4-7935-4bbb-8b2b-34493ab38f82',
    '{"codeVerifier": "v", "state": "s", "proxy": "{\"type\":\"ftp\",\"host\":\"h\",\"port\":21}"}', 60, tests.keyring())$$),
  'proxy', 'an unusable proxy names proxy');
select throws_ok($$select api.import_crs_oauth_session('oauth:613ce4d4-7935-4bbb-8b2b-34493ab38f82', '{"codeVerifier": "v", "state": "s"}', 60, '{}')$$,
  'ACKEY', null, 'a key ring without a current key raises ACKEY');
select is((select count(*) from relaypg.oauth_sessions), 0::bigint, 'nothing was stored');

select * from finish();
rollback;
