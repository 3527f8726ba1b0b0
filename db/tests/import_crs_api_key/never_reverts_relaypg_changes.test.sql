-- api.import_crs_api_key: a re-import never reverts what relaypg did to a key
-- since its import. Unchanged CRS data is 'unchanged' (relaypg's state stands);
-- changed CRS data for a key changed in relaypg is refused with IMCNF.
begin;
select plan(9);

select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'));

-- Regenerated in relaypg: the old CRS digest must stay dead.
select api.regenerate_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.digest('new-plain'), 'hmac-sha256:v1');
select is(api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')), 'unchanged',
  'the same CRS hash again: unchanged');
select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).digest_scheme, 'hmac-sha256:v1', 'the regenerated digest stands');
select throws_ok($$select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', '{"name": "renamed-in-crs"}'))$$,
  'IMCNF', null, 'a CRS change to a key regenerated in relaypg is refused');
select is(tests.refusal(tests.digest('x'), p_crs_digest => tests.digest('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')), 'AUUNK', 'the old CRS key still does not authenticate');

-- Deleted in relaypg.
select api.delete_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', 'admin', 'admin');
select throws_ok($$select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', '{"name": "again"}'))$$,
  'IMCNF', null, 'a CRS change to a key deleted in relaypg is refused');
select isnt((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).deleted_at, null, 'the key stays deleted');

-- Purged in relaypg: a tombstone keeps it out.
select api.purge_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1');
select throws_ok($$select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'))$$,
  'IMCNF', null, 'a key purged in relaypg is not imported again');
select is(tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'), null, 'it is still gone');

-- A CRS change to a key relaypg has not touched is applied.
select api.import_crs_api_key('apikey:0a00fcaa-010b-4515-8d8b-8c061275b73a', tests.crs_api_key('0a00fcaa-010b-4515-8d8b-8c061275b73a'));
select is(api.import_crs_api_key('apikey:0a00fcaa-010b-4515-8d8b-8c061275b73a',
  tests.crs_api_key('0a00fcaa-010b-4515-8d8b-8c061275b73a', '{"name": "renamed-in-crs"}')), 'updated',
  'a CRS change to an untouched key is applied');

select * from finish();
rollback;
