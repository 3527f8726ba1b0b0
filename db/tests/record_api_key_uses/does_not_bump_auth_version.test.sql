-- api.record_api_key_uses does not bump auth_version (a use must not
-- invalidate cached decisions) nor updated_at.
begin;
select plan(2);

select tests.create_key('k1');
update relaypg.api_keys set updated_at = '2025-01-01T00:00:00Z' where id = tests.key_id('k1');
select api.record_api_key_uses(array[tests.key_id('k1')], array[now()]);

select is((tests.key(tests.key_id('k1'))).auth_version, 1::bigint, 'auth_version is unchanged');
select is((tests.key(tests.key_id('k1'))).updated_at, '2025-01-01T00:00:00Z'::timestamptz, 'updated_at is unchanged');

select * from finish();
rollback;
