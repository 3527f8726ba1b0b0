-- api.record_token_refresh raises ACNFD for an unknown account, RVINV naming
-- the bad argument (expires_at, tokens, a token that is not a secret of the
-- kind, subscription_plan) and ACKEY when the key ring cannot decrypt the
-- stored secrets; nothing is written.
begin;
select plan(14);

select tests.create_account('a', 'claude-official', '{}', '{"accessToken": "old-access", "refreshToken": "old-refresh"}');

select throws_ok($$select api.record_token_refresh('00000000-0000-4000-8000-000000000000', now(), '{"accessToken": "t"}', tests.keyring())$$,
  'ACNFD', null, 'an unknown id raises ACNFD');
select throws_ok($$select api.record_token_refresh(tests.account_id('a'), null, '{"accessToken": "t"}', tests.keyring())$$,
  'RVINV', null, 'a null expiry raises RVINV');
select is(tests.error_column($$select api.record_token_refresh(tests.account_id('a'), null, '{"accessToken": "t"}', tests.keyring())$$),
  'expires_at', 'a null expiry: COLUMN expires_at');
select is(tests.error_column($$select api.record_token_refresh(tests.account_id('a'), now(), null, tests.keyring())$$),
  'tokens', 'null tokens: COLUMN tokens');
select is(tests.error_column($$select api.record_token_refresh(tests.account_id('a'), now(), '["t"]', tests.keyring())$$),
  'tokens', 'tokens that are not an object: COLUMN tokens');
select is(tests.error_column($$select api.record_token_refresh(tests.account_id('a'), now(), '{"refreshToken": "r"}', tests.keyring())$$),
  'tokens', 'tokens without accessToken: COLUMN tokens');
select is(tests.error_column($$select api.record_token_refresh(tests.account_id('a'), now(), '{"accessToken": null}', tests.keyring())$$),
  'tokens', 'a null accessToken (which would remove the token): COLUMN tokens');
select is(tests.error_column($$select api.record_token_refresh(tests.account_id('a'), now(), '{"accessToken": ""}', tests.keyring())$$),
  'tokens', 'an empty accessToken (which would remove the token): COLUMN tokens');
select throws_ok($$select api.record_token_refresh(tests.account_id('a'), now(), '{"accessToken": "t", "idToken": "i"}', tests.keyring())$$,
  'RVINV', null, 'a token that is not a secret of a Claude account raises RVINV');
select is(tests.error_column($$select api.record_token_refresh(tests.account_id('a'), now(), '{"accessToken": "t"}', tests.keyring(), 'enterprise')$$),
  'subscription_plan', 'an unknown subscription plan: COLUMN subscription_plan');
select throws_ok($$select api.record_token_refresh(tests.account_id('a'), now(), '{"accessToken": "t"}', tests.keyring(2, array[2]))$$,
  'ACKEY', null, 'a key ring without the stored secrets'' key version raises ACKEY');
select throws_ok($$select api.record_token_refresh(tests.account_id('a'), now(), '{"accessToken": "t"}', '{}')$$,
  'ACKEY', null, 'an empty key ring raises ACKEY');

select is((api.account_credentials(tests.account_id('a'), tests.keyring())).secrets,
  '{"accessToken": "old-access", "refreshToken": "old-refresh"}'::jsonb, 'the refused calls left the tokens as they were');
select is((select row(s.last_refresh_at, s.token_expires_at, s.version)::text from tests.account(tests.account_id('a')) s),
  row(null::timestamptz, null::timestamptz, 1::bigint)::text, 'and wrote nothing else');

select * from finish();
rollback;
