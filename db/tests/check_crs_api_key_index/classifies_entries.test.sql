-- api.check_crs_api_key_index classifies apikey:hash_map entries as current,
-- stale or orphan, and lists CRS-digest keys missing from it as unindexed.
begin;
select plan(6);

-- current: imported, its digest in the map.
select api.import_crs_api_key('apikey:11111111-1111-4111-8111-111111111111', tests.crs_api_key('11111111-1111-4111-8111-111111111111'));
-- stale: imported, then regenerated in CRS; the map still holds the old digest.
select api.import_crs_api_key('apikey:22222222-2222-4222-8222-222222222222', tests.crs_api_key('22222222-2222-4222-8222-222222222222',
  jsonb_build_object('apiKey', encode(tests.digest('regenerated'), 'hex'))));
-- unindexed: imported, not in the map.
select api.import_crs_api_key('apikey:33333333-3333-4333-8333-333333333333', tests.crs_api_key('33333333-3333-4333-8333-333333333333'));
-- an HMAC key named by the map is stale too (relaypg never accepts the CRS digest).
select tests.create_key('hmac-key');
update relaypg.api_keys set id = '44444444-4444-4444-8444-444444444444' where name = 'hmac-key';

select set_config('tests.map', jsonb_build_object(
  upper(encode(tests.digest('11111111-1111-4111-8111-111111111111'), 'hex')), '11111111-1111-4111-8111-111111111111',
  encode(tests.digest('22222222-2222-4222-8222-222222222222'), 'hex'), '22222222-2222-4222-8222-222222222222',
  encode(tests.digest('44444444-4444-4444-8444-444444444444'), 'hex'), '44444444-4444-4444-8444-444444444444',
  encode(tests.digest('gone'), 'hex'), '55555555-5555-4555-8555-555555555555')::text, true);

select results_eq(
  $$select key_id, verdict from api.check_crs_api_key_index(current_setting('tests.map')::jsonb)$$,
  $$values ('11111111-1111-4111-8111-111111111111', 'current'),
           ('55555555-5555-4555-8555-555555555555', 'orphan'),
           ('22222222-2222-4222-8222-222222222222', 'stale'),
           ('44444444-4444-4444-8444-444444444444', 'stale'),
           ('22222222-2222-4222-8222-222222222222', 'unindexed'),
           ('33333333-3333-4333-8333-333333333333', 'unindexed')$$,
  'each entry gets its verdict; rows are ordered by verdict, then key id');
select is(
  (select digest_prefix from api.check_crs_api_key_index(current_setting('tests.map')::jsonb) where verdict = 'current'),
  left(encode(tests.digest('11111111-1111-4111-8111-111111111111'), 'hex'), 12),
  'digest_prefix is the first 12 hex characters (lower case)');
select is(
  (select digest_prefix from api.check_crs_api_key_index(current_setting('tests.map')::jsonb) where key_id = '33333333-3333-4333-8333-333333333333'),
  left(encode(tests.digest('33333333-3333-4333-8333-333333333333'), 'hex'), 12),
  'an unindexed key shows its own digest prefix');
select results_eq(
  $$select key_id, verdict from api.check_crs_api_key_index(null)$$,
  $$values ('11111111-1111-4111-8111-111111111111', 'unindexed'),
           ('22222222-2222-4222-8222-222222222222', 'unindexed'),
           ('33333333-3333-4333-8333-333333333333', 'unindexed')$$,
  'a null map: every CRS-digest key is unindexed, HMAC keys are not listed');
select is_empty(
  $$select * from api.check_crs_api_key_index('{}') where key_id = '44444444-4444-4444-8444-444444444444'$$,
  'an HMAC key is never unindexed');
select is((select count(*)::int from api.check_crs_api_key_index('{}')), 3, 'an empty map lists only the unindexed keys');

select * from finish();
rollback;
