-- api.list_crs_import_notes lists, per key, why the importer changed it
-- (imported disabled or without owner); keys without notes list nothing.
begin;
select plan(3);

select api.import_crs_api_key('apikey:c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98', tests.crs_api_key('c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98', '{"userId": "u-gone"}'), false);
select api.import_crs_api_key('apikey:0a00fcaa-010b-4515-8d8b-8c061275b73a', tests.crs_api_key('0a00fcaa-010b-4515-8d8b-8c061275b73a'));

select is((select count(*)::int from api.list_crs_import_notes(array['c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98'::uuid])), 2,
  'a key missing both from apikey:hash_map and its owner has two notes');
select ok((select bool_and(note ~ 'disabled') from api.list_crs_import_notes(array['c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98'::uuid])), 'each says what was done');
select is((select count(*)::int from api.list_crs_import_notes(array['0a00fcaa-010b-4515-8d8b-8c061275b73a'::uuid])), 0, 'a key imported as is has none');

select * from finish();
rollback;
