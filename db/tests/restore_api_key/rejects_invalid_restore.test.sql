-- api.restore_api_key raises KYNDL for a key that is not deleted, KYNFD for
-- an unknown key and RVINV (restored_by_type) for an unknown actor type.
begin;
select plan(4);

select tests.create_key('k1');

select throws_ok($$select api.restore_api_key(tests.key_id('k1'), 'admin', 'admin')$$,
  'KYNDL', null, 'restoring a key that is not deleted raises KYNDL');
select throws_ok($$select api.restore_api_key('00000000-0000-4000-8000-000000000000', 'admin', 'admin')$$,
  'KYNFD', null, 'an unknown id raises KYNFD');
select throws_ok($$select api.restore_api_key(tests.key_id('k1'), 'admin', 'superuser')$$,
  'RVINV', null, 'an unknown actor type raises RVINV');
select is(tests.error_column($$select api.restore_api_key(tests.key_id('k1'), 'admin', null)$$),
  'restored_by_type', 'the error names restored_by_type');

select * from finish();
rollback;
