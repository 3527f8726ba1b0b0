-- api.purge_api_key raises KYNDL for a key that is not soft-deleted and
-- KYNFD for an unknown key.
begin;
select plan(3);

select tests.create_key('k1');

select throws_ok($$select api.purge_api_key(tests.key_id('k1'))$$,
  'KYNDL', null, 'purging a key that is not deleted raises KYNDL');
select isnt(tests.key_id('k1'), null, 'the key is still there');
select throws_ok($$select api.purge_api_key('00000000-0000-4000-8000-000000000000')$$,
  'KYNFD', null, 'an unknown id raises KYNFD');

select * from finish();
rollback;
