-- api.import_crs_sticky_session: the runtime role may call it (security
-- definer) and the mapping it imports is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.import_crs_sticky_session(text, text, text, integer)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'import_crs_sticky_session', array['text', 'text', 'text', 'integer'], 'import_crs_sticky_session is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);
do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.import_crs_sticky_session('claude', '12340abf-33b1-4d0d-ad02-9a6f89846267', current_setting('tests.account_id'), 2218)).action,
  'inserted', 'as the runtime role, a mapping is imported');
reset role;

select is((select account_id from relaypg.sticky_sessions where session_hash = '12340abf-33b1-4d0d-ad02-9a6f89846267'),
  tests.account_id('a1'), 'the import made as the runtime role is stored');

select * from finish();
rollback;
