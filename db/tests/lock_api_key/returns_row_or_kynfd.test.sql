-- relaypg.lock_api_key returns the stored row of a key, or raises KYNFD.
begin;
select plan(3);

select tests.create_key('k1');

select is((relaypg.lock_api_key(tests.key_id('k1'))).digest, tests.digest('k1'),
  'the stored row (digest included) is returned');
select throws_ok($$select relaypg.lock_api_key('00000000-0000-4000-8000-000000000000')$$,
  'KYNFD', null, 'an unknown id raises KYNFD');
select throws_ok($$select relaypg.lock_api_key(null)$$,
  'KYNFD', null, 'a null id raises KYNFD');

select * from finish();
rollback;
