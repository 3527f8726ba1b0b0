-- api.import_crs_api_key: deletion fields on a key that is not deleted (a
-- stale state CRS can leave behind) have no typed home, so they are kept
-- verbatim in crs_extra and the key is imported as live.
begin;
select plan(3);

select is(api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
    '{"isDeleted": "false", "deletedBy": "admin", "deletedByType": "admin", "deletedAt": "2025-08-20T00:00:00.000Z"}')),
  'inserted', 'the key is imported');
select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).deleted_at, null, 'it is not deleted');
select is((select k.crs_extra - 'userUsername' from relaypg.api_keys k where k.id = '04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'),
  '{"isDeleted": "false", "deletedBy": "admin", "deletedByType": "admin", "deletedAt": "2025-08-20T00:00:00.000Z"}'::jsonb,
  'every deletion field is kept in crs_extra');

select * from finish();
rollback;
