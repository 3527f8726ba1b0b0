-- api.count_api_keys: the runtime role may call it.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.count_api_keys(boolean, boolean, text, text, text)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'count_api_keys', array['boolean', 'boolean', 'text', 'text', 'text'],
  'count_api_keys is security definer');

select tests.create_key('k1');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.count_api_keys(null, null, null, null, 'k1'), 1::bigint, 'as the runtime role, keys are counted');
reset role;

select * from finish();
rollback;
