-- api.delete_api_key soft-deletes: the key stays (restorable), records who
-- deleted it, stops authenticating and is invalidated.
begin;
select plan(5);

select tests.create_key('k1');
create temp table deleted on commit drop as
  select * from api.delete_api_key(tests.key_id('k1'), 'u-admin', 'admin');

select is((select row(deleted_at, deleted_by, deleted_by_type) from deleted)::text,
  row(now(), 'u-admin', 'admin')::text, 'deleted_at, deleted_by and deleted_by_type are set');
select is((select is_active from deleted), true, 'is_active is left as it was');
select is((select auth_version from deleted), 2::bigint, 'auth_version is bumped');
select is((tests.key(tests.key_id('k1'))).digest, tests.digest('k1'), 'the key is still stored');
select is(tests.refusal(tests.digest('k1')), 'AUDEL', 'the key no longer authenticates');

select * from finish();
rollback;
