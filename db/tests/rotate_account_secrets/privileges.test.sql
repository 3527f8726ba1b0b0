-- api.rotate_account_secrets: the runtime role may call it (security definer)
-- and the rotation it runs is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.rotate_account_secrets(jsonb, integer)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'rotate_account_secrets', array['jsonb', 'integer'], 'rotate_account_secrets is security definer');

select tests.create_account('a1');
select set_config('tests.keyring', tests.keyring(2, array[1, 2])::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.rotate_account_secrets(current_setting('tests.keyring')::jsonb, 100), 1, 'as the runtime role, a blob is rotated');
reset role;

select is((tests.account(tests.account_id('a1'))).secrets_key_version, 2, 'the rotation made as the runtime role is stored');

select * from finish();
rollback;
