-- api.create_api_key: an activation-mode key starts not activated, needs
-- activation_days >= 1 and must not be given expires_at.
begin;
select plan(6);

create temp table created on commit drop as
  select * from api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1',
    '{"name": "k1", "expiration_mode": "activation", "activation_days": 30}');

select is((select is_activated from created), false, 'an activation-mode key starts not activated');
select is((select activated_at from created), null, 'with no activated_at');
select is((select expires_at from created), null, 'and no expiry');
select is(tests.error_column($$select api.create_api_key(tests.digest('k2'), 'hmac-sha256:v1', '{"name": "k2", "expiration_mode": "activation"}')$$),
  'activation_days', 'activation mode without activation_days is refused');
select is(tests.error_column($$select api.create_api_key(tests.digest('k2'), 'hmac-sha256:v1', '{"name": "k2", "expiration_mode": "activation", "activation_days": 0}')$$),
  'activation_days', 'activation mode with activation_days 0 is refused');
select is(tests.error_column($$select api.create_api_key(tests.digest('k2'), 'hmac-sha256:v1', '{"name": "k2", "expiration_mode": "activation", "activation_days": 7, "expires_at": "2030-01-01T00:00:00Z"}')$$),
  'expires_at', 'activation mode with an expires_at is refused');

select * from finish();
rollback;
