-- api.usage_averages: the runtime role may call it.
begin;
select plan(2);

select ok(tests.app_role_is_granted_execute('api.usage_averages(text, text, timestamptz)'), 'the runtime role is granted EXECUTE');
do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select days from api.usage_averages('all', '', now())), 1, 'as the runtime role, the averages are read');
reset role;

select * from finish();
rollback;
