-- api.authenticate_api_key: valid_until is a time in the future or null. A
-- refusal of an already expired key (disabled, deleted or AUEXP) is null, so
-- the refusal can be cached (CRS disables expired keys, so this is common).
begin;
select plan(3);

select tests.create_key('gone', '{"expires_at": "2025-09-01T07:00:00Z"}');
select api.update_api_key(tests.key_id('gone'), '{"is_active": false}');
select is((select refusal from api.authenticate_api_key(tests.digest('gone'), null, null, null, null)), 'AUDIS',
  'an expired and disabled key is refused as disabled');
select is((select valid_until from api.authenticate_api_key(tests.digest('gone'), null, null, null, null)), null,
  'its valid_until is null (the refusal cannot change by itself)');
select tests.create_key('later', '{"expires_at": "2031-01-01T00:00:00Z", "is_active": false}');
select is((select valid_until from api.authenticate_api_key(tests.digest('later'), null, null, null, null)),
  '2031-01-01T00:00:00Z'::timestamptz, 'a refusal of a key expiring later is valid until that expiry');

select * from finish();
rollback;
