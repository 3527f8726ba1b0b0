-- api.create_api_key: the runtime role may call it and the key is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.create_api_key(bytea, text, jsonb)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'create_api_key', array['bytea', 'text', 'jsonb'], 'create_api_key is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.create_api_key(sha256(convert_to('k1', 'UTF8')), 'hmac-sha256:v1', '{"name": "k1"}')).name, 'k1',
  'as the runtime role, a key is created');
reset role;

select is((tests.key(tests.key_id('k1'))).digest, tests.digest('k1'), 'the key created as the runtime role is stored');

select * from finish();
rollback;
