-- api.migration_status: the runtime role may call it (it cannot read
-- graphile_migrate itself).
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.migration_status()'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'migration_status', array[]::text[], 'migration_status is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select matches((select hash from api.migration_status()), '^sha1:[0-9a-f]{40}$', 'as the runtime role, the status is read');
select throws_ok('select * from graphile_migrate.migrations', '42501', null,
  'as the runtime role, graphile_migrate is not readable directly');
reset role;

select * from finish();
rollback;
