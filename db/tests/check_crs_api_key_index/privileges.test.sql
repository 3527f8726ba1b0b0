-- api.check_crs_api_key_index: the runtime role may call it.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.check_crs_api_key_index(jsonb)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'check_crs_api_key_index', array['jsonb'], 'check_crs_api_key_index is security definer');

select api.import_crs_api_key('apikey:11111111-1111-4111-8111-111111111111', tests.crs_api_key('11111111-1111-4111-8111-111111111111'));

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select results_eq($$select key_id, verdict from api.check_crs_api_key_index('{}')$$,
  $$values ('11111111-1111-4111-8111-111111111111', 'unindexed')$$,
  'as the runtime role, the index is checked');
reset role;

select * from finish();
rollback;
