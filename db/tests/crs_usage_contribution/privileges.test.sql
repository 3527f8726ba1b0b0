-- relaypg.crs_usage_contribution is an internal helper of
-- api.import_crs_usage: the runtime role holds no EXECUTE on it and cannot
-- call it.
begin;
select plan(3);

select ok(not tests.app_role_is_granted_execute('relaypg.crs_usage_contribution(text, jsonb, text, date)'),
  'the runtime role is not granted EXECUTE');
select ok(not has_function_privilege(tests.app_role(), 'relaypg.crs_usage_contribution(text, jsonb, text, date)', 'EXECUTE'),
  'nor does it hold EXECUTE through PUBLIC');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select throws_ok($$select relaypg.crs_usage_contribution('usage:model:daily:gpt-5:2025-09-16', '{}', 'UTC')$$, '42501', null,
  'as the runtime role, calling it is refused');
reset role;

select * from finish();
rollback;
