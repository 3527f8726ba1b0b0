-- api.resume_account: the runtime role may call it (security definer) and the
-- resume made under that role is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.resume_account(uuid)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'resume_account', array['uuid'], 'resume_account is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);
select api.pause_account(tests.account_id('a1'));

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.resume_account(current_setting('tests.account_id')::uuid)).unavailable_reason, null,
  'as the runtime role, the account is resumed');
reset role;

select is((tests.account(tests.account_id('a1'))).is_paused, false, 'the resume made as the runtime role is stored');

select * from finish();
rollback;
