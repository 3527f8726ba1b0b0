-- api.update_api_key raises KYNFD for an unknown key, RVINV naming the field
-- for invalid changes and USNFD for an unknown owner; nothing is written.
begin;
select plan(7);

select tests.create_key('k1');

select throws_ok($$select api.update_api_key('00000000-0000-4000-8000-000000000000', '{"description": "x"}')$$,
  'KYNFD', null, 'an unknown id raises KYNFD');
select throws_ok($$select api.update_api_key(tests.key_id('k1'), '{"token_limit": -1}')$$,
  'RVINV', null, 'an invalid value raises RVINV');
select is(tests.error_column($$select api.update_api_key(tests.key_id('k1'), '{"name": ""}')$$),
  'name', 'a blank name is refused, naming name');
select is(tests.error_column($$select api.update_api_key(tests.key_id('k1'), '{"digest": "abc"}')$$),
  'digest', 'the digest cannot be changed by update (an unknown field)');
select is(tests.error_column($$select api.update_api_key(tests.key_id('k1'), null)$$),
  'settings', 'null changes are refused');
select throws_ok($$select api.update_api_key(tests.key_id('k1'), '{"owner_user_id": "u-nobody"}')$$,
  'USNFD', null, 'an unknown owner raises USNFD');
select is((tests.key(tests.key_id('k1'))).auth_version, 1::bigint, 'the key is unchanged');

select * from finish();
rollback;
