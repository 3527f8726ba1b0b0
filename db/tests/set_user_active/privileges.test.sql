-- api.set_user_active: the runtime role may call it and the change is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.set_user_active(text, boolean)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'set_user_active', array['text', 'boolean'], 'set_user_active is security definer');

select tests.create_user('u-alice');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.set_user_active('u-alice', false), false, 'as the runtime role, a user is disabled');
reset role;

select is((select is_active from relaypg.users where id = 'u-alice'), false, 'the change is stored');

select * from finish();
rollback;
