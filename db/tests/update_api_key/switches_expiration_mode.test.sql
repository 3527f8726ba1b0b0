-- api.update_api_key: switching to activation mode restarts the lifecycle
-- (not activated, no expiry allowed); switching to fixed activates.
begin;
select plan(6);

select tests.create_key('fixed', jsonb_build_object('expires_at', now() + interval '10 days'));
select tests.create_key('activation', '{"expiration_mode": "activation", "activation_days": 7}');

select is(tests.error_column($$select api.update_api_key(tests.key_id('fixed'), '{"expiration_mode": "activation", "activation_days": 7}')$$),
  'expires_at', 'fixed -> activation with an expiry still set is refused (expires_at)');

create temp table switched on commit drop as
  select * from api.update_api_key(tests.key_id('fixed'), '{"expiration_mode": "activation", "activation_days": 7, "expires_at": null}');
select is((select row(is_activated, activated_at, expires_at) from switched)::text, row(false, null::timestamptz, null::timestamptz)::text,
  'fixed -> activation: not activated, no activation time, no expiry');
select is(tests.refusal(tests.digest('fixed')), null, 'the switched key is accepted');
select is((tests.key(tests.key_id('fixed'))).expires_at, now() + interval '7 days', 'and activated by its next use');

create temp table fixed on commit drop as
  select * from api.update_api_key(tests.key_id('activation'), '{"expiration_mode": "fixed"}');
select is((select row(is_activated, activated_at) from fixed)::text, row(true, now())::text,
  'activation -> fixed: activated now');
select is(tests.error_column($$select api.update_api_key(tests.key_id('activation'), '{"activation_days": 0}')$$),
  null, 'activation_days 0 is fine for a fixed key');

select * from finish();
rollback;
