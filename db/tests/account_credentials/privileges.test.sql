-- api.account_credentials: the runtime role may call it (security definer)
-- and gets the decrypted secrets under that role.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.account_credentials(uuid, jsonb)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'account_credentials', array['uuid', 'jsonb'], 'account_credentials is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);
select set_config('tests.keyring', tests.keyring()::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.account_credentials(current_setting('tests.account_id')::uuid, current_setting('tests.keyring')::jsonb)).secrets,
  '{"accessToken": "test-access-token"}'::jsonb, 'as the runtime role, the credentials are decrypted');
reset role;

select * from finish();
rollback;
