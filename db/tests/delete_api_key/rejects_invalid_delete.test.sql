-- api.delete_api_key raises KYDEL for a key already deleted, KYNFD for an
-- unknown key and RVINV (deleted_by_type) for an unknown actor type.
begin;
select plan(5);

select tests.create_key('k1');
select api.delete_api_key(tests.key_id('k1'), 'admin', 'admin');

select throws_ok($$select api.delete_api_key(tests.key_id('k1'), 'admin', 'admin')$$,
  'KYDEL', null, 'deleting a deleted key raises KYDEL');
select throws_ok($$select api.delete_api_key('00000000-0000-4000-8000-000000000000', 'admin', 'admin')$$,
  'KYNFD', null, 'an unknown id raises KYNFD');
select throws_ok($$select api.delete_api_key(tests.key_id('k1'), 'bot', 'robot')$$,
  'RVINV', null, 'an unknown actor type raises RVINV');
select is(tests.error_column($$select api.delete_api_key('00000000-0000-4000-8000-000000000000', 'bot', null)$$),
  'deleted_by_type', 'the actor type is checked first, naming deleted_by_type');
select is((tests.key(tests.key_id('k1'))).auth_version, 2::bigint, 'the refused deletes changed nothing');

select * from finish();
rollback;
