-- api.rotate_account_secrets re-encrypts at most p_batch_size blobs per call
-- (accounts first, then OAuth sessions) and returns how many; calling it
-- until it returns 0 finishes the rotation. The default batch is 100.
begin;
select plan(9);

select tests.create_account('a' || i) from generate_series(1, 5) i;

select is(api.rotate_account_secrets(tests.keyring(2, array[1, 2]), 2), 2, 'batch 2: two blobs');
select results_eq('select key_version, accounts from api.account_secret_versions()',
  $$values (1, 3::bigint), (2, 2::bigint)$$, 'two are version 2, three still version 1');
select is(api.rotate_account_secrets(tests.keyring(2, array[1, 2]), 2), 2, 'the next batch: two more');
select is(api.rotate_account_secrets(tests.keyring(2, array[1, 2]), 2), 1, 'the last one');
select is(api.rotate_account_secrets(tests.keyring(2, array[1, 2]), 2), 0, 'then nothing is left');

select api.create_oauth_session('claude', 'oauth', 'state-1', 'verifier-1', null, null, '{}', tests.keyring(2, array[1, 2]));
select tests.create_account('a6');
select is(api.rotate_account_secrets(tests.keyring(3, array[1, 2, 3]), 6), 6, 'accounts fill the batch first');
select results_eq('select key_version, accounts from api.account_secret_versions()',
  $$values (2, 1::bigint), (3, 6::bigint)$$, 'so the OAuth session waits for the next batch');
select is(api.rotate_account_secrets(tests.keyring(3, array[1, 2, 3]), 6), 1, 'the next batch takes the OAuth session');
select is(api.rotate_account_secrets(tests.keyring(4, array[3, 4])), 7, 'the default batch covers all seven');

select * from finish();
rollback;
