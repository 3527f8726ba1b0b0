-- api.restore_api_key undoes a soft delete, records who restored it, keeps
-- is_active, and the key authenticates again.
begin;
select plan(5);

select tests.create_key('k1', '{"is_active": false}');
select api.delete_api_key(tests.key_id('k1'), 'u-admin', 'admin');
create temp table restored on commit drop as
  select * from api.restore_api_key(tests.key_id('k1'), 'u-root', 'system');

select is((select row(deleted_at, deleted_by, deleted_by_type) from restored)::text,
  row(null::timestamptz, null::text, null::text)::text, 'the deletion is cleared');
select is((select row(restored_at, restored_by, restored_by_type) from restored)::text,
  row(now(), 'u-root', 'system')::text, 'restored_at, restored_by and restored_by_type are set');
select is((select is_active from restored), false, 'is_active is left as it was (still disabled)');
select is((select auth_version from restored), 3::bigint, 'auth_version is bumped');
select api.update_api_key(tests.key_id('k1'), '{"is_active": true}');
select is(tests.refusal(tests.digest('k1')), null, 'the restored key authenticates again');

select * from finish();
rollback;
