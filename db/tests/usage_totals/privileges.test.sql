-- api.usage_totals: the runtime role may call it (security definer, reading
-- the private rollups).
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.usage_totals(text, text, timestamptz)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'usage_totals', array['text', 'text', 'timestamp with time zone'], 'usage_totals is security definer');

insert into relaypg.usage_rollups_monthly values ('2025-09-01', 'all', '', 'claude-sonnet-4-20250514', 3, 0, 0, 0, 0, 0, 0, 0, 0);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select requests from api.usage_totals('all', '', '2025-09-15T04:00:00Z') where period = 'month'), 3::bigint,
  'as the runtime role, the totals are read');
reset role;

select * from finish();
rollback;
