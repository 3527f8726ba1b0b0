-- api.authenticate_api_keys: the runtime role may call it (security definer)
-- and it works under that role, activation included.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.authenticate_api_keys(bytea[], bytea[], text[], text[], text[], text, bytea[], text[])'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'authenticate_api_keys', array['bytea[]', 'bytea[]', 'text[]', 'text[]', 'text[]', 'text', 'bytea[]', 'text[]'],
  'authenticate_api_keys is security definer');

select tests.create_key('k1', '{"expiration_mode": "activation", "activation_days": 1}');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(
  (select activated_now from api.authenticate_api_keys(array[sha256(convert_to('k1', 'UTF8'))], array[null::bytea],
     array['claude'], array[null::text], array[null::text])),
  true, 'as the runtime role, a key is accepted and activated');
reset role;

select is((tests.key(tests.key_id('k1'))).is_activated, true, 'the activation made as the runtime role is stored');

select * from finish();
rollback;
