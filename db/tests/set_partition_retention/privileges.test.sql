-- api.set_partition_retention: the runtime role may call it (security
-- definer) and the retention it sets is stored.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.set_partition_retention(text, interval)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'set_partition_retention', array['text', 'interval'], 'set_partition_retention is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select api.set_partition_retention('usage_events', interval '14 days');
reset role;

select is((select retention from relaypg.partition_policies where table_name = 'usage_events'), interval '14 days',
  'the retention set as the runtime role is stored');

select * from finish();
rollback;
