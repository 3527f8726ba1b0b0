-- api.set_usage_time_zone: the runtime role may call it (security definer)
-- and the zone it sets is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.set_usage_time_zone(text)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'set_usage_time_zone', array['text'], 'set_usage_time_zone is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.set_usage_time_zone('UTC'), 'Asia/Shanghai', 'as the runtime role, the zone is set');
reset role;

select is((select time_zone from relaypg.usage_settings), 'UTC', 'the zone set as the runtime role is stored');

select * from finish();
rollback;
