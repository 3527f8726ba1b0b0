-- api.regenerate_api_key: the runtime role may call it and the new digest is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.regenerate_api_key(uuid, bytea, text)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'regenerate_api_key', array['uuid', 'bytea', 'text'], 'regenerate_api_key is security definer');

select set_config('tests.key_id', tests.create_key('k1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.regenerate_api_key(current_setting('tests.key_id')::uuid, sha256(convert_to('k1-new', 'UTF8')), 'hmac-sha256:v1')).auth_version,
  2::bigint, 'as the runtime role, a key is regenerated');
reset role;

select is((tests.key(tests.key_id('k1'))).digest, tests.digest('k1-new'), 'the new digest is stored');

select * from finish();
rollback;
