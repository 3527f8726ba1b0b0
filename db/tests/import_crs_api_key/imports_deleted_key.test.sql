-- api.import_crs_api_key imports a soft-deleted CRS key (isDeleted "true")
-- with its deletion, so it is refused with AUDEL.
begin;
select plan(5);

select is(api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  '{"isDeleted": "true", "deletedAt": "2025-08-10T00:00:00.000Z", "deletedBy": "admin", "deletedByType": "admin", "isActive": "false"}')),
  'inserted', 'a deleted CRS key is imported');
select is(
  (select row(deleted_at, deleted_by, deleted_by_type, crs_extra) from relaypg.api_keys where id = '04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')::text,
  row('2025-08-10T00:00:00Z'::timestamptz, 'admin', 'admin', '{"userUsername": ""}'::jsonb)::text,
  'with its deletion (and isDeleted is not kept in crs_extra)');
select is(tests.refusal(tests.digest('x'), p_crs_digest => tests.digest('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')), 'AUDEL',
  'the imported deleted key is refused with AUDEL');

select api.import_crs_api_key('apikey:5b8f2c4e-1d3a-4e6b-9c7d-2a4f6e8b0c1d', tests.crs_api_key('5b8f2c4e-1d3a-4e6b-9c7d-2a4f6e8b0c1d',
  '{"isDeleted": "true", "updatedAt": "2025-08-11T00:00:00.000Z", "restoredAt": "2025-08-09T00:00:00.000Z", "restoredBy": "root", "restoredByType": "system"}'));
select is(
  (select row(deleted_at, restored_at, restored_by, restored_by_type) from relaypg.api_keys where id = '5b8f2c4e-1d3a-4e6b-9c7d-2a4f6e8b0c1d')::text,
  row('2025-08-11T00:00:00Z'::timestamptz, '2025-08-09T00:00:00Z'::timestamptz, 'root', 'system')::text,
  'without deletedAt, deleted_at is updatedAt; restore fields are read');
select is(tests.error_column($$select api.import_crs_api_key('apikey:6c9a3d5f-2e4b-4f7c-8d8e-3b5a7f9c1d2e',
  tests.crs_api_key('6c9a3d5f-2e4b-4f7c-8d8e-3b5a7f9c1d2e', '{"isDeleted": "true", "deletedByType": "robot"}'))$$),
  'deletedByType', 'an unknown deletedByType raises IMBAD naming it');

select * from finish();
rollback;
