-- api.import_crs_api_key: importing the same hash again is 'unchanged' and
-- writes nothing (auth_version and updated_at stay).
begin;
select plan(4);

select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  '{"lastUsedAt": "2025-08-09T10:00:00.000Z", "isDeleted": "false", "ccrAccountId": "ccr-1"}'));
create temp table before on commit drop as select * from relaypg.api_keys where id = '04cceff2-8bef-4ad3-af92-e5f65c3ee6b1';

select is(api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  '{"lastUsedAt": "2025-08-09T10:00:00.000Z", "isDeleted": "false", "ccrAccountId": "ccr-1"}')),
  'unchanged', 'the second import is unchanged');
select is(to_jsonb(tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')), (select to_jsonb(b) from before b),
  'the stored key is identical');
select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).auth_version, 1::bigint, 'auth_version is unchanged');
select is(api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  '{"lastUsedAt": "2025-08-09T10:00:00.000Z", "isDeleted": "false", "ccrAccountId": "ccr-1"}')),
  'unchanged', 'and so is a third');

select * from finish();
rollback;
