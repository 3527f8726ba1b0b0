-- api.update_account: the runtime role may call it (security definer) and the
-- update is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.update_account(uuid, jsonb, jsonb, jsonb)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'update_account', array['uuid', 'jsonb', 'jsonb', 'jsonb'], 'update_account is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);
select set_config('tests.keyring', tests.keyring()::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.update_account(current_setting('tests.account_id')::uuid, '{"priority": 5}', '{"refreshToken": "rt"}',
                              current_setting('tests.keyring')::jsonb)).priority,
  5, 'as the runtime role, an account is updated');
reset role;

select is(row((tests.account(tests.account_id('a1'))).priority,
              relaypg.decrypt_secrets((tests.account(tests.account_id('a1'))).secrets, 1, tests.keyring()))::text,
  row(5, '{"accessToken": "test-access-token", "refreshToken": "rt"}'::jsonb)::text,
  'the update made as the runtime role is stored, secrets included');

select * from finish();
rollback;
