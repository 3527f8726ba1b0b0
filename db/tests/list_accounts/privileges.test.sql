-- api.list_accounts: the runtime role may call it (security definer).
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.list_accounts(text, text, uuid, integer, integer)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'list_accounts', array['text', 'text', 'uuid', 'integer', 'integer'], 'list_accounts is security definer');

select tests.create_account('a1');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select results_eq($$select name, secrets from api.list_accounts(null, null, null, 10, 0)$$,
  $$values ('a1', '{"accessToken": "********"}'::jsonb)$$, 'as the runtime role, accounts are listed, masked');
reset role;

select * from finish();
rollback;
