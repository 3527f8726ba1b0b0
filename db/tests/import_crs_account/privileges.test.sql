-- api.import_crs_account: the runtime role may call it (security definer) and
-- the account it imports is stored.
begin;
select plan(5);

select ok(tests.app_role_is_granted_execute('api.import_crs_account(text, text, jsonb, jsonb, jsonb, text)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'import_crs_account', array['text', 'text', 'jsonb', 'jsonb', 'jsonb', 'text'],
  'import_crs_account is security definer');

select set_config('tests.fields', tests.crs_claude_account('3f6c1a8e-2b4d-4e7f-9a1c-5d8e0b2f4a61')::text, true);
select set_config('tests.keyring', tests.keyring()::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.import_crs_account('claude:account:3f6c1a8e-2b4d-4e7f-9a1c-5d8e0b2f4a61', 'claude-official',
            current_setting('tests.fields')::jsonb, '{"accessToken": "sk-ant-oat01-x"}', current_setting('tests.keyring')::jsonb)).action,
  'inserted', 'as the runtime role, an account is imported');
reset role;

select is((tests.account('3f6c1a8e-2b4d-4e7f-9a1c-5d8e0b2f4a61')).name, 'claude-max-01', 'the import made as the runtime role is stored');
select is((api.account_credentials('3f6c1a8e-2b4d-4e7f-9a1c-5d8e0b2f4a61', tests.keyring())).secrets,
  '{"accessToken": "sk-ant-oat01-x", "subscriptionInfo": "{\"accountType\":\"claude_max\",\"hasClaudeMax\":true,\"hasClaudePro\":false}"}'::jsonb,
  'with its secrets (the profile among them)');

select * from finish();
rollback;
