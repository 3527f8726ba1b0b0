-- relaypg.api_keys_bump_auth_version: last_used_at and updated_at alone do
-- not bump auth_version (uses must not invalidate caches).
begin;
select plan(3);

select tests.create_key('k1');

update relaypg.api_keys set last_used_at = now() where id = tests.key_id('k1');
select is((tests.key(tests.key_id('k1'))).auth_version, 1::bigint, 'a last_used_at change does not bump');

update relaypg.api_keys set updated_at = now() - interval '1 day' where id = tests.key_id('k1');
select is((tests.key(tests.key_id('k1'))).auth_version, 1::bigint, 'an updated_at change does not bump');

update relaypg.api_keys set last_used_at = now() + interval '1 second', is_active = false where id = tests.key_id('k1');
select is((tests.key(tests.key_id('k1'))).auth_version, 2::bigint, 'together with another change, it bumps');

select * from finish();
rollback;
