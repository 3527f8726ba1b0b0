-- api.import_crs_api_key never moves last_used_at backwards: uses relaypg
-- recorded after CRS's lastUsedAt survive a re-import.
begin;
select plan(4);

select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', '{"lastUsedAt": "2025-08-09T10:00:00.000Z"}'));
select api.record_api_key_uses(array['04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'::uuid], array['2025-08-10T10:00:00Z'::timestamptz]);

select is(api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', '{"lastUsedAt": "2025-08-09T10:00:00.000Z"}')),
  'unchanged', 'a re-import with an older lastUsedAt is unchanged');
select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).last_used_at, '2025-08-10T10:00:00Z'::timestamptz,
  'the newer use recorded by relaypg is kept');
select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', '{"lastUsedAt": ""}'));
select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).last_used_at, '2025-08-10T10:00:00Z'::timestamptz,
  'an empty lastUsedAt does not erase it');
select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', '{"lastUsedAt": "2025-08-11T10:00:00.000Z"}'));
select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).last_used_at, '2025-08-11T10:00:00Z'::timestamptz,
  'a newer lastUsedAt from CRS moves it forward');

select * from finish();
rollback;
