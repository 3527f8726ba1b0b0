-- relaypg.refuse_over_limit is an internal helper of api.admit_request: the
-- runtime role holds no EXECUTE on it and cannot call it.
begin;
select plan(3);

select ok(not tests.app_role_is_granted_execute('relaypg.refuse_over_limit(text, text, numeric, numeric, timestamptz)'),
  'the runtime role is not granted EXECUTE');
select ok(not has_function_privilege(tests.app_role(), 'relaypg.refuse_over_limit(text, text, numeric, numeric, timestamptz)',
                                     'EXECUTE'),
  'nor does it hold EXECUTE through PUBLIC');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select throws_ok($$select relaypg.refuse_over_limit('LMREQ', 'request', 1, 1, null)$$, '42501', null,
  'as the runtime role, calling it is refused');
reset role;

select * from finish();
rollback;
