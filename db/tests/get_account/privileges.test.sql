-- api.get_account: the runtime role may call it (security definer) and it
-- works under that role, secrets masked.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.get_account(uuid)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'get_account', array['uuid'], 'get_account is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select row(name, secrets)::text from api.get_account(current_setting('tests.account_id')::uuid)),
  row('a1', '{"accessToken": "********"}'::jsonb)::text, 'as the runtime role, an account is read, masked');
reset role;

select * from finish();
rollback;
