-- api.record_account_server_error: the runtime role may call it (security
-- definer) and the error counted under that role is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.record_account_server_error(uuid, integer, interval, interval)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'record_account_server_error', array['uuid', 'integer', 'interval', 'interval'],
  'record_account_server_error is security definer');

select set_config('tests.account_id', tests.create_account('a1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.record_account_server_error(current_setting('tests.account_id')::uuid)).unavailable_reason, null,
  'as the runtime role, an error is counted (one is not over the threshold)');
reset role;

select is((tests.account(tests.account_id('a1'))).server_error_count, 1, 'the error counted as the runtime role is stored');

select * from finish();
rollback;
