-- api.record_api_key_uses: a null timestamp is not a use; it must not be
-- counted as a changed row.
begin;
select plan(2);

select tests.create_key('k1');

select is(api.record_api_key_uses(array[tests.key_id('k1')], array[null]::timestamptz[]), 0,
  'a null use of a never-used key changes no row');
select is((tests.key(tests.key_id('k1'))).last_used_at, null, 'last_used_at stays null');

select * from finish();
rollback;
