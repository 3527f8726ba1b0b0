-- api.list_dangling_key_bindings: the runtime role may call it (security
-- definer) and it reads the keys under that role.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.list_dangling_key_bindings()'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'list_dangling_key_bindings', array[]::text[], 'list_dangling_key_bindings is security definer');

select set_config('tests.key_id', tests.create_key('k1', '{"gemini_account_id": "6f1c8a52-3d4e-4b7a-9c2d-8e5f0a1b2c3d"}')::text, true);
do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select array_agg(row(api_key_id, field, binding)::text) from api.list_dangling_key_bindings()),
  array[row(current_setting('tests.key_id')::uuid, 'geminiAccountId', '6f1c8a52-3d4e-4b7a-9c2d-8e5f0a1b2c3d')::text],
  'as the runtime role, the dangling binding is listed');
reset role;

select * from finish();
rollback;
