-- api.set_user_active disables or enables a user: their keys' auth_version
-- is bumped and their keys are refused (AUOWN) while disabled.
begin;
select plan(7);

select tests.create_user('u-alice');
select tests.create_key('alice-1', '{"owner_user_id": "u-alice"}');
select tests.create_key('other');
update relaypg.users set updated_at = '2025-01-01T00:00:00Z' where id = 'u-alice';

select is(api.set_user_active('u-alice', false), false, 'set_user_active returns the new state');
select is((select is_active from relaypg.users where id = 'u-alice'), false, 'the user is disabled');
select is((select updated_at from relaypg.users where id = 'u-alice'), now(), 'the user''s updated_at is now');
select is((tests.key(tests.key_id('alice-1'))).auth_version, 2::bigint, 'the user''s key is invalidated');
select is((tests.key(tests.key_id('other'))).auth_version, 1::bigint, 'other keys are not');
select is(tests.refusal(tests.digest('alice-1')), 'AUOWN', 'the user''s key is refused with AUOWN');

select api.set_user_active('u-alice', true);
select is(tests.refusal(tests.digest('alice-1')), null, 'enabled again, the key is accepted');

select * from finish();
rollback;
