-- api.import_crs_oauth_session: the runtime role may call it (security
-- definer) and the authorisation it imports is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.import_crs_oauth_session(text, jsonb, integer, jsonb)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'import_crs_oauth_session', array['text', 'jsonb', 'integer', 'jsonb'], 'import_crs_oauth_session is security definer');

select set_config('tests.keyring', tests.keyring()::text, true);
do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.import_crs_oauth_session('oauth:613ce4d4-7935-4bbb-8b2b-34493ab38f82',
            '{"codeVerifier": "TbVqen-m0mbpSb_2VdZNd5VO-dKCsSM5u_u8oE1iAVQ", "state": "qcRSkqziW8u7cLpYoejBxQNT2DzQDxI_53HDZmBI1tY"}',
            360, current_setting('tests.keyring')::jsonb)).action,
  'inserted', 'as the runtime role, an authorisation is imported');
reset role;

select is((select state from relaypg.oauth_sessions where id = '613ce4d4-7935-4bbb-8b2b-34493ab38f82'),
  'qcRSkqziW8u7cLpYoejBxQNT2DzQDxI_53HDZmBI1tY', 'the import made as the runtime role is stored');

select * from finish();
rollback;
