-- api.authenticate_api_key refuses a key whose owner is disabled with AUOWN.
begin;
select plan(3);

select tests.create_user('u-active');
select tests.create_user('u-disabled', false);
select tests.create_key('active-owner', '{"owner_user_id": "u-active"}');
select tests.create_key('disabled-owner', '{"owner_user_id": "u-disabled"}');

select is(tests.refusal(tests.digest('active-owner')), null, 'a key of an active user is accepted');
select is(tests.refusal(tests.digest('disabled-owner')), 'AUOWN', 'a key of a disabled user is refused with AUOWN');
select api.set_user_active('u-active', false);
select is(tests.refusal(tests.digest('active-owner')), 'AUOWN', 'disabling the owner refuses the key at once');

select * from finish();
rollback;
