-- api.create_account: the runtime role may call it (security definer) and the
-- account it creates is stored, secrets encrypted.
begin;
select plan(5);

select ok(tests.app_role_is_granted_execute('api.create_account(text, jsonb, jsonb, jsonb)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'create_account', array['text', 'jsonb', 'jsonb', 'jsonb'], 'create_account is security definer');

select set_config('tests.keyring', tests.keyring()::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.create_account('claude-official', '{"name": "a1"}', '{"accessToken": "at"}',
                              current_setting('tests.keyring')::jsonb)).secrets,
  '{"accessToken": "********"}'::jsonb, 'as the runtime role, an account is created');
select throws_ok('select * from relaypg.accounts', '42501', null, 'the runtime role cannot read the table itself');
reset role;

select is(relaypg.decrypt_secrets((tests.account(tests.account_id('a1'))).secrets, 1, tests.keyring()),
  '{"accessToken": "at"}'::jsonb, 'the account created as the runtime role is stored with its secrets');

select * from finish();
rollback;
