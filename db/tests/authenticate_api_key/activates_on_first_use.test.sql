-- api.authenticate_api_key: the first accepted use of an activation-mode key
-- activates it (expires_at = activated_at + activation_days); later uses
-- do not activate again.
begin;
select plan(9);

select tests.create_key('k1', '{"expiration_mode": "activation", "activation_days": 30}');

create temp table first_use on commit drop as
  select * from api.authenticate_api_key(tests.digest('k1'), null, null, null, null);

select is((select refusal from first_use), null, 'the first use is accepted');
select is((select activated_now from first_use), true, 'activated_now is true on the first use');
select is((select key ->> 'activatedAt' from first_use), relaypg.iso_timestamp(now()), 'activatedAt is now');
select is((select key ->> 'expiresAt' from first_use), relaypg.iso_timestamp(now() + interval '30 days'), 'expiresAt = activatedAt + activation_days');
select is((select valid_until from first_use), now() + interval '30 days', 'valid_until is the new expiry');
select is(
  (select row(k.is_activated, k.activated_at, k.expires_at) from relaypg.api_keys k where k.id = tests.key_id('k1'))::text,
  row(true, now(), now() + interval '30 days')::text,
  'the activation is stored');

create temp table second_use on commit drop as
  select * from api.authenticate_api_key(tests.digest('k1'), null, null, null, null);

select is((select refusal from second_use), null, 'the second use is accepted');
select is((select activated_now from second_use), false, 'activated_now is false on the second use');
select is((select auth_version from second_use), (select auth_version from first_use),
  'the second use does not change the key again');

select * from finish();
rollback;
