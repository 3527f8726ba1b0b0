-- api.import_crs_api_key imports an activation-mode key CRS has not yet
-- activated as not activated (activationDays defaulting to 30); its first
-- use in relaypg activates it.
begin;
select plan(5);

select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  '{"expirationMode": "activation", "isActivated": "false", "activationDays": "", "activatedAt": "2025-08-07T06:03:00.000Z"}'));

select is(
  (select row(expiration_mode, is_activated, activated_at, activation_days, expires_at)
     from relaypg.api_keys where id = '04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')::text,
  row('activation', false, null::timestamptz, 30, null::timestamptz)::text,
  'not activated, no activation time, activationDays defaulting to 30');
select is(
  (select activated_now from api.authenticate_api_key(tests.digest('x'), tests.digest('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'), null, null, null)),
  true, 'the first use in relaypg activates it');
select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).expires_at, now() + interval '30 days',
  'for 30 days');

select api.import_crs_api_key('apikey:5b8f2c4e-1d3a-4e6b-9c7d-2a4f6e8b0c1d', tests.crs_api_key('5b8f2c4e-1d3a-4e6b-9c7d-2a4f6e8b0c1d',
  '{"expirationMode": "activation", "isActivated": "true", "activationDays": "7", "activatedAt": "2025-08-07T06:03:00.000Z", "expiresAt": "2025-08-14T06:03:00.000Z"}'));
select is(
  (select row(is_activated, activated_at, activation_days, expires_at) from relaypg.api_keys where id = '5b8f2c4e-1d3a-4e6b-9c7d-2a4f6e8b0c1d')::text,
  row(true, '2025-08-07T06:03:00Z'::timestamptz, 7, '2025-08-14T06:03:00Z'::timestamptz)::text,
  'an activated CRS key keeps its activation and expiry');
select is(tests.error_column($$select api.import_crs_api_key('apikey:6c9a3d5f-2e4b-4f7c-8d8e-3b5a7f9c1d2e',
  tests.crs_api_key('6c9a3d5f-2e4b-4f7c-8d8e-3b5a7f9c1d2e', '{"expirationMode": "activation", "isActivated": "true", "activatedAt": ""}'))$$),
  'activatedAt', 'an activated key without activatedAt raises IMBAD naming activatedAt');

select * from finish();
rollback;
