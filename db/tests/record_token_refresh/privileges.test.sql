-- api.record_token_refresh: the runtime role may call it (security definer)
-- and the tokens stored under that role are readable.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.record_token_refresh(uuid, timestamptz, jsonb, jsonb, text)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'record_token_refresh', array['uuid', 'timestamp with time zone', 'jsonb', 'jsonb', 'text'],
  'record_token_refresh is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);
select set_config('tests.keyring', tests.keyring()::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.record_token_refresh(current_setting('tests.account_id')::uuid, now() + interval '8 hours',
             '{"accessToken": "new-access"}', current_setting('tests.keyring')::jsonb)).token_expires_at,
  now() + interval '8 hours', 'as the runtime role, a refresh is recorded');
reset role;

select is((api.account_credentials(tests.account_id('a1'), tests.keyring())).secrets ->> 'accessToken', 'new-access',
  'the token stored as the runtime role is readable');

select * from finish();
rollback;
