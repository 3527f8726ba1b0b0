-- api.import_crs_api_key: a key whose owner (user:{id}) does not exist is kept,
-- disabled and without owner (CRS refused it), with userId in crs_extra; once
-- the user is imported, a re-import attaches the owner and takes CRS's isActive.
begin;
select plan(7);

select is(api.import_crs_api_key('apikey:c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98', tests.crs_api_key('c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98', '{"userId": "u-later", "userUsername": "later"}')),
  'inserted', 'the key is imported');
select is((tests.key('c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98')).owner_user_id, null, 'without an owner');
select is((tests.key('c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98')).is_active, false, 'and disabled');
select is((select k.crs_extra ->> 'userId' from relaypg.api_keys k where k.id = 'c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98'), 'u-later', 'userId is kept in crs_extra');
select is(api.import_crs_api_key('apikey:c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98', tests.crs_api_key('c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98', '{"userId": "u-later", "userUsername": "later"}')),
  'unchanged', 'a re-import while the owner is still missing changes nothing');

select tests.create_user('u-later');
select is(api.import_crs_api_key('apikey:c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98', tests.crs_api_key('c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98', '{"userId": "u-later", "userUsername": "later"}')),
  'updated', 'once the owner exists, a re-import updates the key');
select is(row((tests.key('c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98')).owner_user_id, (tests.key('c3f4bc7e-56dc-49ed-94bf-2fb77e28cf98')).is_active)::text, row('u-later', true)::text,
  'it now has its owner and is active as in CRS');

select * from finish();
rollback;
