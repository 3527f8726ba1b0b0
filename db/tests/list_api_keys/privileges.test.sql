-- api.list_api_keys: the runtime role may call it.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.list_api_keys(boolean, boolean, text, text, text, integer, integer)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'list_api_keys', array['boolean', 'boolean', 'text', 'text', 'text', 'integer', 'integer'],
  'list_api_keys is security definer');

select tests.create_key('k1');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select results_eq($$select name from api.list_api_keys(null, null, null, null, 'k1', 10, 0)$$,
  array['k1'], 'as the runtime role, keys are listed');
reset role;

select * from finish();
rollback;
