-- api.create_api_key raises KYDUP when the digest is already in use, whatever
-- the scheme.
begin;
select plan(3);

select tests.create_key('k1');

select throws_ok($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "other"}')$$,
  'KYDUP', null, 'a digest already in use raises KYDUP');
select throws_ok($$select api.create_api_key(tests.digest('k1'), 'crs-sha256', '{"name": "other"}')$$,
  'KYDUP', null, 'also under the other scheme');
select is(tests.key_id('other'), null, 'no second key was created');

select * from finish();
rollback;
