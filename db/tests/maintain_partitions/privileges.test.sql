-- api.maintain_partitions: the runtime role may call it (security definer);
-- the partitions it creates belong to the owner of relaypg, and the runtime
-- role cannot read them.
begin;
select plan(5);

select ok(tests.app_role_is_granted_execute('api.maintain_partitions(timestamptz, timestamptz)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'maintain_partitions', array['timestamp with time zone', 'timestamp with time zone'],
  'maintain_partitions is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select ok((select bool_or(partition_name = 'usage_events_p2031_04')
             from api.maintain_partitions(p_now => '2031-04-15T00:00:00Z') where action = 'created'),
  'as the runtime role, partitions are created');
reset role;

select is((select relowner from pg_class where oid = 'relaypg.usage_events_p2031_04'::regclass),
  (select nspowner from pg_namespace where nspname = 'relaypg'), 'the partition belongs to the owner of relaypg');
select ok(not has_table_privilege(tests.app_role(), 'relaypg.usage_events_p2031_04', 'select, insert, update, delete'),
  'the runtime role has no privilege on it');

select * from finish();
rollback;
