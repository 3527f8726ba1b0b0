-- relaypg.apply_account_secrets merges secret changes into the decrypted blob
-- (a null or "" value removes that secret) and re-encrypts it with the ring's
-- current key; secret_names lists what is left (sorted); an empty blob is
-- stored as no blob. It returns the row without writing it.
begin;
select plan(12);

select tests.create_account('a1');
create temp table r on commit drop as select tests.account(tests.account_id('a1')) r0, null::relaypg.accounts r1;

update r set r1 = relaypg.apply_account_secrets(r0, null,
  '{"refreshToken": "rt-1", "claudeAiOauth": {"accessToken": "at-0", "scopes": "user:inference"}}', tests.keyring(2, array[1, 2]));
select is((select relaypg.decrypt_secrets((r1).secrets, (r1).secrets_key_version, tests.keyring(2, array[1, 2])) from r),
  '{"accessToken": "test-access-token", "refreshToken": "rt-1", "claudeAiOauth": {"accessToken": "at-0", "scopes": "user:inference"}}'::jsonb,
  'new secrets are merged with the existing ones (an OAuth blob may be an object)');
select is((select (r1).secrets_key_version from r), 2, 'the blob is re-encrypted with the current version');
select is((select relaypg.decrypt_secrets((r1).secrets, 2, tests.keyring(2)) from r) ->> 'refreshToken', 'rt-1',
  'the key of the current version alone decrypts it');
select is((select (r1).secret_names from r), array['accessToken', 'claudeAiOauth', 'refreshToken'], 'secret_names is sorted');

update r set r1 = relaypg.apply_account_secrets(r1, null, '{"accessToken": null, "claudeAiOauth": ""}', tests.keyring(2, array[1, 2]));
select is((select relaypg.decrypt_secrets((r1).secrets, (r1).secrets_key_version, tests.keyring(2, array[1, 2])) from r),
  '{"refreshToken": "rt-1"}'::jsonb, 'a secret set to null, or to "", is removed');
select is((select (r1).secret_names from r), array['refreshToken'], 'secret_names follows');

update r set r1 = relaypg.apply_account_secrets(r1, null, '{"refreshToken": null, "email": null}', tests.keyring(2, array[1, 2]));
select is((select row((r1).secrets, (r1).secrets_key_version, (r1).secret_names)::text from r),
  row(null::bytea, null::integer, '{}'::text[])::text, 'removing every secret leaves no blob and no version');

update r set r1 = relaypg.apply_account_secrets(r1, null, '{"accessToken": "at-2"}', tests.keyring(1));
select is((select row((r1).secrets_key_version, relaypg.decrypt_secrets((r1).secrets, 1, tests.keyring(1)))::text from r),
  row(1, '{"accessToken": "at-2"}'::jsonb)::text, 'secrets can be set again on an account without any');

select is((select relaypg.apply_account_secrets(r0, null, null, null) from r)::text, (select r0 from r)::text,
  'no changes (null) and no proxy: the row comes back as is, no key ring needed');
select is((select relaypg.apply_account_secrets(r0, null, '{}', null) from r)::text, (select r0 from r)::text,
  'no changes ({}) and no proxy: the row comes back as is');
select isnt((select (relaypg.apply_account_secrets(r0, null, '{"accessToken": "test-access-token"}', tests.keyring(1))).secrets from r),
  (select (r0).secrets from r), 'setting a secret re-encrypts even when the value is the same');
select is((tests.account(tests.account_id('a1'))).secret_names, array['accessToken'], 'the stored row is not written');

select * from finish();
rollback;
