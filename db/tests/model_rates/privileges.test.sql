-- relaypg.model_rates is an internal helper of api.record_usage: the runtime role
-- holds no EXECUTE on it and cannot call it.
begin;
select plan(3);

select ok(not tests.app_role_is_granted_execute('relaypg.model_rates(text)'), 'the runtime role is not granted EXECUTE');
select ok(not has_function_privilege(tests.app_role(), 'relaypg.model_rates(text)', 'EXECUTE'),
  'nor does it hold EXECUTE through PUBLIC');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select throws_ok($$select relaypg.model_rates('claude-sonnet-4-20250514')$$, '42501', null,
  'as the runtime role, calling it is refused');
reset role;

select * from finish();
rollback;
