-- relaypg.users_propagate_activity: changing a user's is_active bumps the
-- auth_version of that user's keys, and only theirs.
begin;
select plan(6);

select trigger_is('relaypg', 'users', '_900_propagate_activity', 'relaypg', 'users_propagate_activity',
  'users runs users_propagate_activity');

select tests.create_user('u-alice');
select tests.create_user('u-bob');
select tests.create_key('alice-1', '{"owner_user_id": "u-alice"}');
select tests.create_key('alice-2', '{"owner_user_id": "u-alice"}');
select tests.create_key('bob-1', '{"owner_user_id": "u-bob"}');
select tests.create_key('nobody');

update relaypg.users set is_active = false where id = 'u-alice';

select is((tests.key(tests.key_id('alice-1'))).auth_version, 2::bigint, 'the user''s first key is bumped once');
select is((tests.key(tests.key_id('alice-2'))).auth_version, 2::bigint, 'the user''s second key is bumped once');
select is((tests.key(tests.key_id('bob-1'))).auth_version, 1::bigint, 'another user''s key is not bumped');
select is((tests.key(tests.key_id('nobody'))).auth_version, 1::bigint, 'a key without owner is not bumped');

update relaypg.users set is_active = false, username = 'alice' where id = 'u-alice';
select is((tests.key(tests.key_id('alice-1'))).auth_version, 2::bigint,
  'an update that leaves is_active as it was does not bump');

select * from finish();
rollback;
