-- relaypg.encrypt_secrets PGP-encrypts a secrets object with the ring's
-- current key: only that key decrypts it, the plaintext does not appear in
-- the ciphertext, and every encryption is salted (two results differ).
begin;
select plan(7);

create temp table blob on commit drop as
  select relaypg.encrypt_secrets('{"apiKey": "sk-plain-secret-value"}', tests.keyring(2, array[1, 2])) b;

select is((select crypto.pgp_sym_decrypt(b, 'test-account-secret-key-v2-0123456789abcdef')::jsonb from blob),
  '{"apiKey": "sk-plain-secret-value"}'::jsonb, 'the current key (version 2) decrypts it');
select throws_ok($$select crypto.pgp_sym_decrypt(b, 'test-account-secret-key-v1-0123456789abcdef') from blob$$,
  '39000', null, 'the older key of the ring does not');
select is((select position(convert_to('sk-plain-secret-value', 'UTF8') in b) from blob), 0,
  'the plaintext does not appear in the ciphertext');
select isnt((select b from blob), relaypg.encrypt_secrets('{"apiKey": "sk-plain-secret-value"}', tests.keyring(2, array[1, 2])),
  'encrypting the same secrets again gives another ciphertext');
select throws_ok($$select relaypg.encrypt_secrets('{"apiKey": "x"}', tests.keyring(2, array[1]))$$,
  'ACKEY', null, 'a ring without the key of its current version raises ACKEY');
select throws_ok($$select relaypg.encrypt_secrets('{"apiKey": "x"}', '{"keys": {"1": "0123456789abcdef"}}')$$,
  'ACKEY', null, 'a ring without a current version raises ACKEY');
select throws_ok($$select relaypg.encrypt_secrets('{"apiKey": "x"}', '{"current": 1, "keys": {"1": "too-short"}}')$$,
  'ACKEY', null, 'a current key shorter than 16 characters raises ACKEY');

select * from finish();
rollback;
