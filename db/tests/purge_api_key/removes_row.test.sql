-- api.purge_api_key permanently removes a soft-deleted key and returns its id.
begin;
select plan(4);

select tests.create_key('k1');
select tests.create_key('k2');
select set_config('tests.key_id', tests.key_id('k1')::text, true);
select api.delete_api_key(tests.key_id('k1'), 'admin', 'admin');

select is(api.purge_api_key(tests.key_id('k1')), current_setting('tests.key_id')::uuid, 'purge returns the key''s id');
select is(tests.key_id('k1'), null, 'the row is gone');
select throws_ok($$select api.get_api_key(current_setting('tests.key_id')::uuid)$$,
  'KYNFD', null, 'the purged key is not found any more');
select isnt(tests.key_id('k2'), null, 'other keys are untouched');

select * from finish();
rollback;
