-- api.account_secret_versions: the runtime role may call it (security definer).
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.account_secret_versions()'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'account_secret_versions', array[]::text[], 'account_secret_versions is security definer');

select tests.create_account('a1');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select results_eq('select key_version, accounts from api.account_secret_versions()',
  $$values (1, 1::bigint)$$, 'as the runtime role, the versions are counted');
reset role;

select * from finish();
rollback;
