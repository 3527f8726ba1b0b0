-- api.import_crs_api_key: a key whose digest is not in apikey:hash_map (so CRS
-- could not authenticate it) is imported disabled, with a note in crs_extra.
begin;
select plan(4);

select is(api.import_crs_api_key('apikey:0a00fcaa-010b-4515-8d8b-8c061275b73a', tests.crs_api_key('0a00fcaa-010b-4515-8d8b-8c061275b73a'), false), 'inserted', 'the key is imported');
select is((tests.key('0a00fcaa-010b-4515-8d8b-8c061275b73a')).is_active, false, 'it is disabled although CRS says isActive "true"');
select is((select jsonb_array_length(k.crs_extra -> 'relaypgImportNotes') from relaypg.api_keys k where k.id = '0a00fcaa-010b-4515-8d8b-8c061275b73a'), 1, 'crs_extra says why');
select is(api.import_crs_api_key('apikey:0a00fcaa-010b-4515-8d8b-8c061275b73a', tests.crs_api_key('0a00fcaa-010b-4515-8d8b-8c061275b73a'), false), 'unchanged', 'a re-import is unchanged');

select * from finish();
rollback;
