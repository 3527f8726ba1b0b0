-- api.rotate_account_secrets raises RVINV (batch_size) for a batch size
-- outside 1..10000, and ACKEY when the ring has no current version or cannot
-- decrypt a blob it must rotate (missing or wrong older key); a failed call
-- rotates nothing.
begin;
select plan(9);

select tests.create_account('a1');
select api.create_account('claude-official', '{"name": "a3"}', '{"accessToken": "at-3"}', tests.keyring(3));

select throws_ok($$select api.rotate_account_secrets(tests.keyring(2, array[1, 2, 3]), 0)$$,
  'RVINV', null, 'batch size 0 raises RVINV');
select is(tests.error_column($$select api.rotate_account_secrets(tests.keyring(2, array[1, 2, 3]), 10001)$$),
  'batch_size', 'batch size 10001 is refused, naming batch_size');
select is(tests.error_column($$select api.rotate_account_secrets(tests.keyring(2, array[1, 2, 3]), null)$$),
  'batch_size', 'a null batch size is refused');
select throws_ok($$select api.rotate_account_secrets('{"keys": {"1": "0123456789abcdef"}}', 10)$$,
  'ACKEY', null, 'a ring without a current version raises ACKEY');
select throws_ok($$select api.rotate_account_secrets(tests.keyring(2, array[1, 2]), 10)$$,
  'ACKEY', null, 'a ring without the key of a blob to rotate (version 3) raises ACKEY');
select throws_ok($$select api.rotate_account_secrets('{"current": 2, "keys": {"1": "another-key-of-version-one", "2": "test-account-secret-key-v2-0123456789abcdef", "3": "test-account-secret-key-v3-0123456789abcdef"}}', 10)$$,
  'ACKEY', null, 'a wrong older key raises ACKEY');
select results_eq('select key_version, accounts from api.account_secret_versions()',
  $$values (1, 1::bigint), (3, 1::bigint)$$, 'the failed calls rotated nothing');
select is(api.rotate_account_secrets(tests.keyring(2, array[1, 2, 3]), 10000), 2, 'batch size 10000 is accepted');
select results_eq('select key_version, accounts from api.account_secret_versions()',
  $$values (2, 2::bigint)$$, 'a downgrade (3 -> 2) is a rotation like any other');

select * from finish();
rollback;
