-- api.import_crs_api_key updates a key whose hash changed: 'updated', and
-- auth_version is bumped unless only lastUsedAt moved.
begin;
select plan(6);

select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'));

select is(api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', '{"name": "alice-prod", "concurrencyLimit": "10"}')),
  'updated', 'a changed hash is updated');
select is((select row(name, concurrency_limit, auth_version) from relaypg.api_keys where id = '04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')::text,
  row('alice-prod', 10, 2::bigint)::text, 'the change is stored and auth_version bumped');

select is(api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', '{"name": "alice-prod", "concurrencyLimit": "10", "lastUsedAt": "2025-08-09T10:00:00.000Z"}')),
  'updated', 'a new lastUsedAt is an update');
select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).auth_version, 2::bigint, 'but does not bump auth_version');

select is(api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', jsonb_build_object('name', 'alice-prod', 'concurrencyLimit', '10',
    'lastUsedAt', '2025-08-09T10:00:00.000Z', 'apiKey', encode(tests.digest('regenerated in CRS'), 'hex')))),
  'updated', 'a key regenerated in CRS is an update');
select is(tests.refusal(tests.digest('x'), p_crs_digest => tests.digest('regenerated in CRS')), null,
  'the new CRS digest authenticates');

select * from finish();
rollback;
