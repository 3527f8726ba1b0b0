-- api.import_crs_user updates a user whose document changed; a change of
-- isActive invalidates the user's keys.
begin;
select plan(5);

select api.import_crs_user('user:u-1', tests.crs_user('u-1'));
select tests.create_key('alice-1', '{"owner_user_id": "u-1"}');

select is(api.import_crs_user('user:u-1', tests.crs_user('u-1', '{"email": "alice@new.example"}')), 'updated',
  'a changed document is updated');
select is((select email from relaypg.users where id = 'u-1'), 'alice@new.example', 'the change is stored');
select is((tests.key(tests.key_id('alice-1'))).auth_version, 1::bigint, 'a change other than isActive does not invalidate keys');

select is(api.import_crs_user('user:u-1', tests.crs_user('u-1', '{"email": "alice@new.example", "isActive": false}')), 'updated',
  'disabling through the import is an update');
select is(tests.refusal(tests.digest('alice-1')), 'AUOWN', 'the user''s key is then refused with AUOWN');

select * from finish();
rollback;
