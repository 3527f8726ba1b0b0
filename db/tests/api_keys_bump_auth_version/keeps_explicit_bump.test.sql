-- relaypg.api_keys_bump_auth_version keeps an explicit auth_version change
-- (as the owner-activity trigger makes) instead of adding one more.
begin;
select plan(2);

select tests.create_key('k1');

update relaypg.api_keys set auth_version = auth_version + 5 where id = tests.key_id('k1');
select is((tests.key(tests.key_id('k1'))).auth_version, 6::bigint, 'an explicit bump is kept as given');

update relaypg.api_keys set auth_version = auth_version + 1, name = 'k1-renamed' where id = tests.key_id('k1');
select is((tests.key(tests.key_id('k1-renamed'))).auth_version, 7::bigint,
  'an explicit bump with other changes is not bumped twice');

select * from finish();
rollback;
