-- relaypg.apply_api_key_settings restarts the lifecycle when the expiration
-- mode changes: activation waits for first use, fixed counts as activated.
begin;
select plan(7);

select tests.create_key('fixed');
select tests.create_key('activation', '{"expiration_mode": "activation", "activation_days": 30}');
update relaypg.api_keys set activated_at = '2025-01-01T00:00:00Z' where id = tests.key_id('fixed');

select is(
  (relaypg.apply_api_key_settings(tests.key(tests.key_id('fixed')), '{"expiration_mode": "activation", "activation_days": 7}')).is_activated,
  false, 'fixed -> activation: the key is no longer activated');
select is(
  (relaypg.apply_api_key_settings(tests.key(tests.key_id('fixed')), '{"expiration_mode": "activation", "activation_days": 7}')).activated_at,
  null, 'fixed -> activation: activated_at is cleared');
select is(
  (relaypg.apply_api_key_settings(tests.key(tests.key_id('activation')), '{"expiration_mode": "fixed"}')).is_activated,
  true, 'activation -> fixed: the key counts as activated');
select is(
  (relaypg.apply_api_key_settings(tests.key(tests.key_id('activation')), '{"expiration_mode": "fixed"}')).activated_at,
  now(), 'activation -> fixed: activated_at is now');
select is(
  (relaypg.apply_api_key_settings(tests.key(tests.key_id('fixed')), '{"expiration_mode": "fixed", "description": "x"}')).activated_at,
  '2025-01-01T00:00:00Z'::timestamptz, 'restating the same mode keeps activated_at');
select is(tests.error_column($$select relaypg.apply_api_key_settings(tests.key(tests.key_id('activation')), '{"activation_days": 0}')$$),
  'activation_days', 'an activation-mode key needs activation_days >= 1');
select is(tests.error_column($$select relaypg.apply_api_key_settings(tests.key(tests.key_id('activation')), '{"expires_at": "2030-01-01T00:00:00Z"}')$$),
  'expires_at', 'a not yet activated key cannot be given expires_at');

select * from finish();
rollback;
