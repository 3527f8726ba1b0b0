-- api.get_api_key returns one key (any state) without its digest.
begin;
select plan(4);

select tests.create_user('u-alice');
select tests.create_key('k1', '{"owner_user_id": "u-alice", "tags": ["dev"]}');
select tests.create_key('deleted');
select api.delete_api_key(tests.key_id('deleted'), 'admin', 'admin');

select is(to_jsonb(api.get_api_key(tests.key_id('k1'))),
  to_jsonb(tests.key(tests.key_id('k1'))) - array['digest', 'crs_fingerprint', 'crs_synced_version'] || '{"owner_username": "u-alice"}',
  'the key is returned with every stored field but the digest');
select is((api.get_api_key(tests.key_id('deleted'))).deleted_by, 'admin', 'a soft-deleted key is returned too');
select throws_ok($$select api.get_api_key('00000000-0000-4000-8000-000000000000')$$,
  'KYNFD', null, 'an unknown id raises KYNFD');
select throws_ok($$select api.get_api_key(null)$$, 'KYNFD', null, 'a null id raises KYNFD');

select * from finish();
rollback;
