-- api.regenerate_api_key replaces the digest (and scheme): the old key is
-- unknown at once, the new one authenticates, and caches are invalidated.
begin;
select plan(6);

select tests.create_key('k1', '{}', tests.digest('old-plain'), 'crs-sha256');
create temp table regenerated on commit drop as
  select * from api.regenerate_api_key(tests.key_id('k1'), tests.digest('new-plain'), 'hmac-sha256:v1');

select is((select id from regenerated), tests.key_id('k1'), 'the key keeps its id');
select is((select digest_scheme from regenerated), 'hmac-sha256:v1', 'the scheme is replaced');
select is((select auth_version from regenerated), 2::bigint, 'auth_version is bumped');
select is(tests.refusal(tests.digest('nothing'), p_crs_digest => tests.digest('old-plain')), 'AUUNK',
  'the old key is unknown at once');
select is(tests.refusal(tests.digest('new-plain')), null, 'the new key authenticates');
select is((select id from api.authenticate_api_key(tests.digest('new-plain'), null, null, null, null)),
  tests.key_id('k1'), 'as the same key');

select * from finish();
rollback;
