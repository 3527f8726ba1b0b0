-- api.import_crs_api_key keeps fields without a typed home in crs_extra
-- (deprecated ccrAccountId, userUsername, isDeleted "false" and its deletedAt).
begin;
select plan(3);

select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  '{"ccrAccountId": "ccr-1", "userUsername": "alice", "isDeleted": "false", "deletedAt": "", "futureField": "x"}'));

select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).crs_extra,
  '{"ccrAccountId": "ccr-1", "userUsername": "alice", "isDeleted": "false", "deletedAt": "", "futureField": "x"}'::jsonb,
  'unknown fields are kept verbatim in crs_extra');
select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).deleted_at, null, 'isDeleted "false" is not deleted');
select is(
  (select count(*)::int from jsonb_object_keys((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).crs_extra) k
    where k in ('name', 'apiKey', 'tags', 'createdAt', 'isActive')),
  0, 'typed fields are not duplicated in crs_extra');

select * from finish();
rollback;
