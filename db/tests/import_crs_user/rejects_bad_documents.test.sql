-- api.import_crs_user raises IMBAD naming the CRS field it cannot use, and
-- imports nothing.
begin;
select plan(10);

select throws_ok($$select api.import_crs_user('user:u-1', '"u-1"')$$, 'IMBAD', null, 'a non-object document raises IMBAD');
select is(tests.error_column($$select api.import_crs_user('user:u-1', null)$$), '(document)', 'a null document names (document)');
select is(tests.error_column($$select api.import_crs_user('user:u-2', tests.crs_user('u-1'))$$), 'id',
  'an id that does not match the Redis key names id');
select is(tests.error_column($$select api.import_crs_user('user:u-1', tests.crs_user('u-1') - 'id')$$), 'id',
  'a missing id names id');
select is(tests.error_column($$select api.import_crs_user('user:', tests.crs_user('') )$$), 'id',
  'an empty id names id');
select is(tests.error_column($$select api.import_crs_user('user:u-1', tests.crs_user('u-1', '{"username": ""}'))$$), 'username',
  'a missing username names username');
select is(tests.error_column($$select api.import_crs_user('user:u-1', tests.crs_user('u-1', '{"role": "owner"}'))$$), 'role',
  'an unknown role names role');
select is(tests.error_column($$select api.import_crs_user('user:u-1', tests.crs_user('u-1', '{"isActive": "yes"}'))$$), 'isActive',
  'a non-boolean isActive names isActive');
select is(tests.error_column($$select api.import_crs_user('user:u-1', tests.crs_user('u-1', '{"createdAt": "1754546580000"}'))$$), 'createdAt',
  'an epoch createdAt names createdAt');
select is((select count(*)::int from relaypg.users where id = 'u-1'), 0, 'nothing was imported');

select * from finish();
rollback;
