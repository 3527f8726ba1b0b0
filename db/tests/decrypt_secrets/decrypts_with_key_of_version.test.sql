-- relaypg.decrypt_secrets decrypts a blob with the key of the version it was
-- encrypted with, whatever the ring's current version; no blob is {}.
begin;
select plan(4);

create temp table blob on commit drop as
  select relaypg.encrypt_secrets('{"accessToken": "at-1", "claudeAiOauth": {"scopes": ["user:inference"]}}',
                                 tests.keyring(1)) b;

select is((select relaypg.decrypt_secrets(b, 1, tests.keyring(1)) from blob),
  '{"accessToken": "at-1", "claudeAiOauth": {"scopes": ["user:inference"]}}'::jsonb,
  'the secrets come back as they were encrypted');
select is((select relaypg.decrypt_secrets(b, 1, tests.keyring(2, array[1, 2])) from blob),
  '{"accessToken": "at-1", "claudeAiOauth": {"scopes": ["user:inference"]}}'::jsonb,
  'an older version decrypts while its key is still in the ring');
select is(relaypg.decrypt_secrets(null, null, tests.keyring(1)), '{}'::jsonb, 'no blob decrypts to {}');
select is(relaypg.decrypt_secrets(null, null, null), '{}'::jsonb, 'no blob needs no key ring');

select * from finish();
rollback;
