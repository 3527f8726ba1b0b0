-- api.update_api_key with nothing that changes writes nothing: neither
-- auth_version nor updated_at move.
begin;
select plan(4);

select tests.create_key('k1', '{"description": "same", "tags": ["a"]}');
update relaypg.api_keys set updated_at = '2025-01-01T00:00:00Z' where id = tests.key_id('k1');

select is((api.update_api_key(tests.key_id('k1'), '{"description": "same", "tags": [" a "]}')).auth_version,
  1::bigint, 'restating current values does not bump auth_version');
select is((api.update_api_key(tests.key_id('k1'), '{}')).auth_version, 1::bigint,
  'an empty change set does not bump auth_version');
select is((tests.key(tests.key_id('k1'))).updated_at, '2025-01-01T00:00:00Z'::timestamptz,
  'updated_at is not touched');
select is((api.update_api_key(tests.key_id('k1'), '{"description": "changed"}')).auth_version, 2::bigint,
  'a real change still bumps');

select * from finish();
rollback;
