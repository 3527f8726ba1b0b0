-- api.usage_by_model: the runtime role may call it (security definer,
-- reading the private rollups).
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.usage_by_model(text, text, text, date, date)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'usage_by_model', array['text', 'text', 'text', 'date', 'date'], 'usage_by_model is security definer');

insert into relaypg.usage_rollups_daily values ('2025-09-16', 'all', '', 'claude-sonnet-4-20250514', 3, 0, 0, 0, 0, 0, 0, 0, 0);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select requests from api.usage_by_model('all', '', 'day', '2025-09-16', '2025-09-16')), 3::bigint,
  'as the runtime role, the rows are read');
reset role;

select * from finish();
rollback;
