-- api.import_crs_account: a re-run with the same CRS fields but other
-- decrypted secrets (the first run had the wrong CRS key) updates the secrets;
-- a deleted account is never brought back (IMCNF); a status 'error' of any
-- OAuth kind is a refresh failure retried 24 h after the last refresh.
begin;
select plan(6);

select api.import_crs_account('claude:account:7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', 'claude-official',
  tests.crs_claude_account('7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b'), '{"accessToken": "0a1b2c3d4e5f60718293a4b5c6d7e8f9:00ff"}', tests.keyring());
select is((api.import_crs_account('claude:account:7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', 'claude-official',
  tests.crs_claude_account('7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b'), '{"accessToken": "sk-ant-oat01-real"}', tests.keyring())).action,
  'updated', 'the same CRS record with other decrypted secrets is an update');
select is((api.account_credentials('7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', tests.keyring())).secrets ->> 'accessToken',
  'sk-ant-oat01-real', 'the secrets a wrong CRS key produced are repaired');
select is((api.import_crs_account('claude:account:7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', 'claude-official',
  tests.crs_claude_account('7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b'), '{"accessToken": "sk-ant-oat01-real"}', tests.keyring())).action,
  'unchanged', 'and a third run changes nothing');

select api.delete_account('7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b');
select throws_ok($$select api.import_crs_account('claude:account:7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b', 'claude-official',
  tests.crs_claude_account('7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b'), '{"accessToken": "sk-ant-oat01-real"}', tests.keyring())$$,
  'IMCNF', null, 'an account deleted in relaypg is not brought back by a re-import');

select api.import_crs_account('gemini_account:8f2a3b4c-5d6e-4f70-9b8c-1d2e3f4a5b6c', 'gemini', jsonb_build_object(
  'id', '8f2a3b4c-5d6e-4f70-9b8c-1d2e3f4a5b6c', 'name', 'gemini-failed', 'platform', 'gemini', 'status', 'error',
  'lastRefreshAt', '2025-09-16T01:00:00.000Z', 'isActive', 'true', 'schedulable', 'true'), '{}', tests.keyring());
select is((tests.account('8f2a3b4c-5d6e-4f70-9b8c-1d2e3f4a5b6c')).refresh_retry_at, '2025-09-17T01:00:00Z'::timestamptz,
  'a Gemini account with a failed refresh is retried 24 h after its last refresh, as CRS does');
select api.import_crs_account('bedrock_account:9a3b4c5d-6e7f-4a81-8c9d-2e3f4a5b6c7d', 'bedrock', jsonb_build_object(
  'id', '9a3b4c5d-6e7f-4a81-8c9d-2e3f4a5b6c7d', 'name', 'bedrock-undecryptable', 'isActive', true, 'schedulable', true,
  'awsCredentials', jsonb_build_object('encrypted', '00ff', 'iv', '11')), '{}', tests.keyring());
select is((tests.account('9a3b4c5d-6e7f-4a81-8c9d-2e3f4a5b6c7d')).crs_extra -> 'awsCredentials', '{"encrypted": "00ff", "iv": "11"}'::jsonb,
  'Bedrock credentials that could not be decrypted are kept as CRS had them, not lost');

select * from finish();
rollback;
