-- relaypg.api_keys_bump_auth_version (BEFORE UPDATE): any change to a key
-- other than last_used_at/updated_at bumps auth_version by one.
begin;
select plan(6);

select trigger_is('relaypg', 'api_keys', '_100_bump_auth_version', 'relaypg', 'api_keys_bump_auth_version',
  'api_keys runs api_keys_bump_auth_version');

select tests.create_key('k1');

update relaypg.api_keys set name = 'k1-renamed' where id = tests.key_id('k1');
select is((tests.key(tests.key_id('k1-renamed'))).auth_version, 2::bigint, 'changing the name bumps auth_version to 2');

update relaypg.api_keys set tags = '{x}', token_limit = 10 where id = tests.key_id('k1-renamed');
select is((tests.key(tests.key_id('k1-renamed'))).auth_version, 3::bigint, 'one update of several fields bumps once');

update relaypg.api_keys set crs_extra = '{"ccrAccountId": "a1"}' where id = tests.key_id('k1-renamed');
select is((tests.key(tests.key_id('k1-renamed'))).auth_version, 4::bigint, 'a change to crs_extra bumps too');

update relaypg.api_keys set digest = tests.digest('k1-new') where id = tests.key_id('k1-renamed');
select is((tests.key(tests.key_id('k1-renamed'))).auth_version, 5::bigint, 'a new digest bumps');

update relaypg.api_keys set name = name, tags = tags where id = tests.key_id('k1-renamed');
select is((tests.key(tests.key_id('k1-renamed'))).auth_version, 5::bigint,
  'an update that changes nothing does not bump');

select * from finish();
rollback;
