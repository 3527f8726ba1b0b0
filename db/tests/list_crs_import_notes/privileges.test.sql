-- api.list_crs_import_notes: the runtime role may call it.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.list_crs_import_notes(uuid[])'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'list_crs_import_notes', array['uuid[]'], 'list_crs_import_notes is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select count(*)::int from api.list_crs_import_notes(array[]::uuid[])), 0, 'as the runtime role, it answers');
reset role;

select * from finish();
rollback;
