-- api.admit_request raises ADVER when the key does not exist or when
-- p_auth_version (the version the cached authentication was made at) is not
-- the key's current relaypg.api_keys.auth_version: older, newer or null. A
-- change to the key bumps its version, so the version read before the change
-- is refused and the new one admitted.
begin;
select plan(9);

select tests.create_key('k1');
select is((tests.key(tests.key_id('k1'))).auth_version, 1::bigint, 'a new key is at auth_version 1');

select throws_ok($$select api.admit_request('00000000-0000-4000-8000-000000000000', 1, 'r1', 'claude',
                                            'claude-sonnet-4-20250514', p_select => false)$$,
  'ADVER', null, 'an unknown key raises ADVER');
select is(tests.error_info($$select api.admit_request('00000000-0000-4000-8000-000000000000', 1, 'r1', 'claude',
                                                      'claude-sonnet-4-20250514', p_select => false)$$) ->> 'hint',
  'authenticate the key again (its cached decision is stale)', 'with a hint to authenticate again');
select throws_ok($$select api.admit_request(tests.key_id('k1'), 2, 'r1', 'claude', 'claude-sonnet-4-20250514', p_select => false)$$,
  'ADVER', null, 'a version newer than the key''s raises ADVER');
select throws_ok($$select api.admit_request(tests.key_id('k1'), null, 'r1', 'claude', 'claude-sonnet-4-20250514', p_select => false)$$,
  'ADVER', null, 'a null version raises ADVER');
select lives_ok($$select api.admit_request(tests.key_id('k1'), 1, 'r1', 'claude', 'claude-sonnet-4-20250514', p_select => false)$$,
  'the current version is admitted');

select api.update_api_key(tests.key_id('k1'), '{"description": "changed"}');
select is((tests.key(tests.key_id('k1'))).auth_version, 2::bigint, 'a change bumps the key to auth_version 2');
select throws_ok($$select api.admit_request(tests.key_id('k1'), 1, 'r2', 'claude', 'claude-sonnet-4-20250514', p_select => false)$$,
  'ADVER', null, 'the version from before the change now raises ADVER');
select lives_ok($$select api.admit_request(tests.key_id('k1'), 2, 'r2', 'claude', 'claude-sonnet-4-20250514', p_select => false)$$,
  'and the new version is admitted');

select * from finish();
rollback;
