-- api.set_user_active with the current state writes nothing: no key is
-- invalidated and updated_at stays.
begin;
select plan(3);

select tests.create_user('u-alice');
select tests.create_key('alice-1', '{"owner_user_id": "u-alice"}');
update relaypg.users set updated_at = '2025-01-01T00:00:00Z' where id = 'u-alice';

select is(api.set_user_active('u-alice', true), true, 'enabling an enabled user returns true');
select is((tests.key(tests.key_id('alice-1'))).auth_version, 1::bigint, 'the user''s key is not invalidated');
select is((select updated_at from relaypg.users where id = 'u-alice'), '2025-01-01T00:00:00Z'::timestamptz,
  'the user''s updated_at is unchanged');

select * from finish();
rollback;
