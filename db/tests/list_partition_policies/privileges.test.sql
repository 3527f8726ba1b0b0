-- api.list_partition_policies: the runtime role may call it (security
-- definer, reading the catalogue and the private tables).
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.list_partition_policies()'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'list_partition_policies', array[]::text[], 'list_partition_policies is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select count(*) from api.list_partition_policies() where partitions > 0), 4::bigint,
  'as the runtime role, the four tables are listed with their partitions');
reset role;

select * from finish();
rollback;
