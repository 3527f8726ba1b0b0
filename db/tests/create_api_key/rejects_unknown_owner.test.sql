-- api.create_api_key raises USNFD (owner_user_id) for an unknown owner.
begin;
select plan(4);

select tests.create_user('u-alice');

select throws_ok($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "k1", "owner_user_id": "u-nobody"}')$$,
  'USNFD', null, 'an unknown owner raises USNFD');
select is(tests.error_column($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "k1", "owner_user_id": "u-nobody"}')$$),
  'owner_user_id', 'the error names owner_user_id');
select is((select owner_username from api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "k1", "owner_user_id": "u-alice"}')),
  'u-alice', 'a known owner is accepted');
select is((select owner_user_id from api.create_api_key(tests.digest('k2'), 'hmac-sha256:v1', '{"name": "k2", "owner_user_id": ""}')),
  null, 'an empty owner means no owner');

select * from finish();
rollback;
