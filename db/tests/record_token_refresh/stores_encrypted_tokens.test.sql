-- api.record_token_refresh stores the new tokens encrypted with the key
-- ring's current key (merged with the other secrets), their expiry, the
-- refresh time and optionally the subscription plan.
begin;
select plan(14);

select tests.create_account('a', 'claude-official', '{}',
  '{"accessToken": "old-access", "refreshToken": "old-refresh", "email": "a@example.com"}');

create temp table refreshed on commit drop as
  select * from api.record_token_refresh(tests.account_id('a'), now() + interval '8 hours',
    '{"accessToken": "new-access", "refreshToken": "new-refresh"}', tests.keyring());

select is((select token_expires_at from refreshed), now() + interval '8 hours', 'token_expires_at is the given expiry');
select is((select last_refresh_at from refreshed), now(), 'last_refresh_at is now');
select is((select unavailable_reason from refreshed), null, 'the account is available');
select is((select secrets from refreshed), '{"email": "********", "accessToken": "********", "refreshToken": "********"}'::jsonb,
  'the returned account names the secrets, masked');
select is((api.account_credentials(tests.account_id('a'), tests.keyring())).secrets,
  '{"accessToken": "new-access", "refreshToken": "new-refresh", "email": "a@example.com"}'::jsonb,
  'account_credentials shows the new tokens; other secrets are kept');
select is(position(convert_to('new-access', 'UTF8') in (tests.account(tests.account_id('a'))).secrets), 0,
  'the stored blob does not contain the access token in clear');
select is(position(convert_to('new-refresh', 'UTF8') in (tests.account(tests.account_id('a'))).secrets), 0,
  'nor the refresh token');
select is((select version from refreshed), 2::bigint, 'the refresh bumps the version (cached credentials are dropped)');

select api.record_token_refresh(tests.account_id('a'), now() + interval '1 hour', '{"accessToken": "newer-access"}', tests.keyring());
select is((api.account_credentials(tests.account_id('a'), tests.keyring())).secrets,
  '{"accessToken": "newer-access", "refreshToken": "new-refresh", "email": "a@example.com"}'::jsonb,
  'a refresh without a refresh token keeps the stored one');

create temp table rotated on commit drop as
  select * from api.record_token_refresh(tests.account_id('a'), now() + interval '8 hours',
    '{"accessToken": "v2-access"}', tests.keyring(2, array[1, 2]));
select is((select secrets_key_version from rotated), 2, 'the blob is re-encrypted with the current key version (2)');
select is((api.account_credentials(tests.account_id('a'), tests.keyring(2, array[2]))).secrets ->> 'accessToken', 'v2-access',
  'and reads with key 2 alone');
select is((api.account_credentials(tests.account_id('a'), tests.keyring(2, array[2]))).secrets ->> 'email', 'a@example.com',
  'the other secrets moved to key 2 as well');

select is((api.record_token_refresh(tests.account_id('a'), now() + interval '8 hours', '{"accessToken": "x"}',
             tests.keyring(2, array[2]), 'pro')).subscription_plan, 'pro', 'a subscription plan is stored when given');
select is((api.record_token_refresh(tests.account_id('a'), now() + interval '8 hours', '{"accessToken": "y"}',
             tests.keyring(2, array[2]))).subscription_plan, 'pro', 'and kept when not given');

select * from finish();
rollback;
