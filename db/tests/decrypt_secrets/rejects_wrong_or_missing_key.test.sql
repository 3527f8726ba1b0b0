-- relaypg.decrypt_secrets raises ACKEY when the ring lacks the blob's version,
-- the key is too short, or the key of that version is not the one it was
-- encrypted with (pgcrypto's "Wrong key" is turned into ACKEY).
begin;
select plan(5);

create temp table blob on commit drop as
  select relaypg.encrypt_secrets('{"apiKey": "k"}', tests.keyring(1)) b;

select throws_ok($$select relaypg.decrypt_secrets(b, 1, tests.keyring(2)) from blob$$,
  'ACKEY', null, 'a ring without the blob''s version raises ACKEY');
select throws_ok($$select relaypg.decrypt_secrets(b, 1, '{"current": 1, "keys": {"1": "short"}}') from blob$$,
  'ACKEY', null, 'a too-short key raises ACKEY');
select throws_ok($$select relaypg.decrypt_secrets(b, 1, '{"current": 1, "keys": {"1": "another-key-of-the-same-version"}}') from blob$$,
  'ACKEY', null, 'a wrong key of the right version raises ACKEY');
select throws_ok($$select relaypg.decrypt_secrets(b, 2, tests.keyring(2, array[1, 2])) from blob$$,
  'ACKEY', null, 'a blob read under the wrong version (another key) raises ACKEY');
select is((tests.error_info($$select relaypg.decrypt_secrets(b, 1, '{"current": 1, "keys": {"1": "another-key-of-the-same-version"}}') from blob$$)) ->> 'sqlstate',
  'ACKEY', 'the wrong-key error is ACKEY, not pgcrypto''s 39000');

select * from finish();
rollback;
