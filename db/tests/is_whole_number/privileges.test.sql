-- relaypg.is_whole_number is an internal helper of relaypg.usage_events_look_valid:
-- the runtime role holds no EXECUTE on it and cannot call it.
begin;
select plan(3);

select ok(not tests.app_role_is_granted_execute('relaypg.is_whole_number(numeric, numeric, numeric)'), 'the runtime role is not granted EXECUTE');
select ok(not has_function_privilege(tests.app_role(), 'relaypg.is_whole_number(numeric, numeric, numeric)', 'EXECUTE'),
  'nor does it hold EXECUTE through PUBLIC');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select throws_ok($$select relaypg.is_whole_number(1, 0, 2)$$, '42501', null,
  'as the runtime role, calling it is refused');
reset role;

select * from finish();
rollback;
