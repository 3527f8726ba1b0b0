-- api.select_accounts: the runtime role may call it (security definer) and it
-- selects and records mappings under that role.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.select_accounts(uuid[], text[], text[], text[], interval, interval, boolean)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'select_accounts', array['uuid[]', 'text[]', 'text[]', 'text[]', 'interval', 'interval', 'boolean'],
  'select_accounts is security definer');

select set_config('tests.key_id', tests.create_key('k1')::text, true);
select tests.create_account('only');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select count(*)::int from api.select_accounts(array[current_setting('tests.key_id')::uuid], array['claude'],
    array['claude-sonnet-4-20250514'], array['s1']) where error_code is null),
  1, 'as the runtime role, a request is served');
reset role;

select is((select account_id from relaypg.sticky_sessions where session_hash = 's1'), tests.account_id('only'),
  'the mapping made as the runtime role is stored');

select * from finish();
rollback;
