-- relaypg.apply_api_key_settings raises RVINV naming the field (settings
-- itself when it is not an object) and USNFD for an unknown owner.
begin;
select plan(8);

select tests.create_key('k1');

select is(tests.error_column($$select relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), '[]')$$),
  'settings', 'an array is refused, naming settings');
select throws_ok($$select relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), null)$$,
  'RVINV', null, 'null settings are refused');
select is(tests.error_column($$select relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), '{"name": "   "}')$$),
  'name', 'a blank name is refused');
select is(tests.error_column($$select relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), '{"permissions": "azure"}')$$),
  'permissions', 'an unknown permission is refused');
select is(tests.error_column($$select relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), '{"expiration_mode": "sliding"}')$$),
  'expiration_mode', 'an unknown expiration mode is refused');
select is(tests.error_column($$select relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), '{"tokenLimit": 5}')$$),
  'tokenLimit', 'an unknown (camelCase) field is refused, naming it');
select throws_ok($$select relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), '{"owner_user_id": "nobody"}')$$,
  'USNFD', null, 'an unknown owner raises USNFD');
select is(tests.error_column($$select relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), '{"owner_user_id": "nobody"}')$$),
  'owner_user_id', 'USNFD names owner_user_id');

select * from finish();
rollback;
