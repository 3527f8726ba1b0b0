-- api.check_crs_api_key_index reports a map entry whose value is not a UUID
-- as an orphan instead of failing.
begin;
select plan(2);

select tests.create_key('k1');
select api.import_crs_api_key('apikey:11111111-1111-4111-8111-111111111111', tests.crs_api_key('11111111-1111-4111-8111-111111111111'));

select lives_ok(
  $$select * from api.check_crs_api_key_index(jsonb_build_object(
      encode(tests.digest('corrupt'), 'hex'), 'not-a-uuid',
      encode(tests.digest('11111111-1111-4111-8111-111111111111'), 'hex'), '11111111-1111-4111-8111-111111111111'))$$,
  'a map with a non-UUID value is checked without error');

select is(tests.error_info($$select * from api.check_crs_api_key_index(jsonb_build_object(
      encode(tests.digest('11111111-1111-4111-8111-111111111111'), 'hex'), '11111111-1111-4111-8111-111111111111'))$$),
  null, 'a well-formed map is checked without error');

select * from finish();
rollback;
