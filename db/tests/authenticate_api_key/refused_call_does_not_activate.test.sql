-- api.authenticate_api_key: a refused call never activates an
-- activation-mode key.
begin;
select plan(5);

select tests.create_key('k1', '{"expiration_mode": "activation", "activation_days": 7, "permissions": "claude"}');

create temp table refused on commit drop as
  select * from api.authenticate_api_key(tests.digest('k1'), null, 'gemini', null, null);

select is((select refusal from refused), 'AUNPL', 'the call on the wrong platform is refused');
select is((select activated_now from refused), false, 'activated_now is false');
select is((tests.key(tests.key_id('k1'))).is_activated, false, 'the key is still not activated');
select is((tests.key(tests.key_id('k1'))).expires_at, null, 'and still has no expiry');
select is((select activated_now from api.authenticate_api_key(tests.digest('k1'), null, 'claude', null, null)), true,
  'the first accepted call then activates it');

select * from finish();
rollback;
