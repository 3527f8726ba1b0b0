-- api.mark_account_overloaded: the runtime role may call it (security
-- definer) and the overload set under that role is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.mark_account_overloaded(uuid, integer)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'mark_account_overloaded', array['uuid', 'integer'], 'mark_account_overloaded is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.mark_account_overloaded(current_setting('tests.account_id')::uuid)).unavailable_reason, 'overloaded',
  'as the runtime role, the account is marked overloaded');
reset role;

select is((tests.account(tests.account_id('a1'))).overloaded_until, now() + interval '10 minutes',
  'the overload set as the runtime role is stored');

select * from finish();
rollback;
