-- api.import_crs_api_key: the runtime role may call it and the key is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.import_crs_api_key(text, jsonb, boolean)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'import_crs_api_key', array['text', 'jsonb', 'boolean'], 'import_crs_api_key is security definer');

select set_config('tests.fields', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', current_setting('tests.fields')::jsonb),
  'inserted', 'as the runtime role, a key is imported');
reset role;

select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).name, 'alice-dev', 'the key is stored');

select * from finish();
rollback;
