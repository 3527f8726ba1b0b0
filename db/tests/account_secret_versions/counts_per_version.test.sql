-- api.account_secret_versions counts the secret blobs under each key version
-- (accounts with secrets and pending OAuth sessions), ordered by version;
-- accounts without secrets are not counted.
begin;
select plan(4);

select is_empty('select * from api.account_secret_versions()', 'no blobs: no rows');

select tests.create_account('a1');
select tests.create_account('a2', 'gemini');
select api.create_account('claude-official', '{"name": "a3"}', '{"accessToken": "at"}', tests.keyring(3));
select api.create_account('openai-responses', '{"name": "bare"}', '{}', null);
select results_eq('select key_version, accounts from api.account_secret_versions()',
  $$values (1, 2::bigint), (3, 1::bigint)$$, 'accounts per version, in version order; none for the account without secrets');

select api.create_oauth_session('gemini', 'oauth', 'state-1', 'verifier-1', null, null, '{}', tests.keyring(2, array[1, 2]));
select results_eq('select key_version, accounts from api.account_secret_versions()',
  $$values (1, 2::bigint), (2, 1::bigint), (3, 1::bigint)$$, 'a pending OAuth session is counted too');

select api.update_account(tests.account_id('a1'), null, '{"accessToken": null}', tests.keyring());
select results_eq('select key_version, accounts from api.account_secret_versions()',
  $$values (1, 1::bigint), (2, 1::bigint), (3, 1::bigint)$$, 'an account whose last secret is removed is no longer counted');

select * from finish();
rollback;
