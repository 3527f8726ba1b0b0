-- api.authenticate_api_key finds a crs-sha256 key only through
-- p_crs_digest, and an hmac-sha256 key only through p_digest.
begin;
select plan(6);

select tests.create_key('crs-key', '{}', tests.digest('crs-plain'), 'crs-sha256');
select tests.create_key('hmac-key', '{}', tests.digest('hmac-plain'), 'hmac-sha256:v1');

select is(tests.refusal(tests.digest('nothing'), p_crs_digest => tests.digest('crs-plain')), null,
  'a CRS key authenticates through p_crs_digest');
select is((select id from api.authenticate_api_key(tests.digest('nothing'), tests.digest('crs-plain'), null, null, null)),
  tests.key_id('crs-key'), 'and the CRS key is the one returned');
select is(tests.refusal(tests.digest('crs-plain')), 'AUUNK',
  'a CRS digest given as p_digest (HMAC) is unknown');
select is(tests.refusal(tests.digest('crs-plain'), p_crs_digest => null), 'AUUNK',
  'without a CRS digest (no CRS secret configured) a CRS key is unknown');
select is(tests.refusal(tests.digest('nothing'), p_crs_digest => tests.digest('hmac-plain')), 'AUUNK',
  'an HMAC key never authenticates through p_crs_digest');
select is((select id from api.authenticate_api_key(tests.digest('hmac-plain'), tests.digest('crs-plain'), null, null, null)),
  tests.key_id('hmac-key'), 'when both digests match keys, the HMAC key wins');

select * from finish();
rollback;
