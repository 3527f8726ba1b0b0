-- api.import_crs_account imports a CRS claude:account hash: every typed field
-- into its column (epoch-ms expiresAt, subscriptionInfo -> plan), kind
-- configuration into options, every other field verbatim into crs_extra, so
-- that typed columns + options + crs_extra + secrets cover every input field.
begin;
select plan(9);

select is(api.import_crs_account('claude:account:3f6c1a8e-2b4d-4e7f-9a1c-5d8e0b2f4a61', 'claude-official',
    tests.crs_claude_account('3f6c1a8e-2b4d-4e7f-9a1c-5d8e0b2f4a61'), '{"accessToken": "sk-ant-oat01-x"}', tests.keyring()),
  ('3f6c1a8e-2b4d-4e7f-9a1c-5d8e0b2f4a61', 'inserted', '{}')::api.import_result, 'a new account is inserted, without notes');

select is(to_jsonb(tests.account('3f6c1a8e-2b4d-4e7f-9a1c-5d8e0b2f4a61')) - array['secrets', 'crs_fingerprint'],
  jsonb_build_object(
    'id', '3f6c1a8e-2b4d-4e7f-9a1c-5d8e0b2f4a61', 'kind', 'claude-official', 'platform', 'claude',
    'name', 'claude-max-01', 'description', 'fixture max account', 'priority', 50, 'is_active', true, 'is_paused', false,
    'account_type', 'shared', 'model_mapping', '{}'::jsonb, 'subscription_plan', 'max', 'auto_stop_on_warning', false,
    'rate_limit_minutes', 60, 'daily_quota', 0, 'quota_reset_time', '00:00:00',
    'options', jsonb_build_object('scopes', 'user:inference user:profile', 'useUnifiedUserAgent', 'false'),
    'proxy', null, 'secrets_key_version', 1, 'secret_names', jsonb_build_array('accessToken', 'subscriptionInfo'),
    'rate_limited_at', null, 'rate_limited_until', null, 'overloaded_until', null, 'server_error_count', 0,
    'server_errors_since', null, 'temp_error_until', null, 'blocked_reason', null, 'blocked_at', null, 'error_message', '',
    'token_expires_at', '2025-09-16T09:52:07.913+00:00', 'last_refresh_at', '2025-09-16T01:52:07.913+00:00',
    'refresh_failed_at', null, 'refresh_retry_at', null, 'session_window_start', null, 'session_window_end', null,
    'session_window_status', null, 'five_hour_stopped_at', null, 'five_hour_stopped_until', null,
    'quota_stopped_at', null, 'quota_stopped_until', null,
    'created_at', '2025-08-07T04:06:00+00:00', 'updated_at', '2025-08-07T04:06:00+00:00',
    'last_used_at', '2025-09-16T03:58:26.198+00:00', 'version', 1, 'crs_synced_version', 1,
    'crs_extra', jsonb_build_object('platform', 'claude', 'schedulable', 'true', 'status', 'active', 'errorMessage', '')),
  'every field is mapped: epoch-ms expiresAt, claude_max = max, options, raw state flags kept in crs_extra');

select api.import_crs_account('claude:account:4a7d2b9f-3c5e-4f80-8b2d-6e9f1c3a5b72', 'claude-official',
  tests.crs_claude_account('4a7d2b9f-3c5e-4f80-8b2d-6e9f1c3a5b72', jsonb_build_object(
    'name', 'claude-pro-01', 'priority', '20', 'accountType', 'dedicated', 'autoStopOnWarning', 'true',
    'subscriptionInfo', '{"accountType":"claude_pro","hasClaudeMax":false,"hasClaudePro":true}',
    'sessionWindowStart', '2025-09-16T02:00:00.000Z', 'sessionWindowEnd', '2025-09-16T07:00:00.000Z',
    'sessionWindowStatus', 'allowed_warning', 'updatedAt', '2025-09-01T00:00:00.000Z', 'lastUsedAt', '')),
  '{}', tests.keyring());
select is((select row(priority, account_type, auto_stop_on_warning, subscription_plan, session_window_start,
                      session_window_end, session_window_status, updated_at, last_used_at, secret_names)
             from relaypg.accounts where id = '4a7d2b9f-3c5e-4f80-8b2d-6e9f1c3a5b72')::text,
  row(20, 'dedicated', true, 'pro', '2025-09-16T02:00:00Z'::timestamptz, '2025-09-16T07:00:00Z'::timestamptz,
      'allowed_warning', '2025-09-01T00:00:00Z'::timestamptz, null::timestamptz, array['subscriptionInfo'])::text,
  'claude_pro = pro; priority, account type, auto-stop, session window, updatedAt read; the profile is the only secret');
select is(relaypg.account_upstream_model(tests.account('4a7d2b9f-3c5e-4f80-8b2d-6e9f1c3a5b72'), 'claude-opus-4-1-20250805'), null,
  'so the imported pro account does not serve Opus');

-- Nothing is lost: a hash with every OAuth field, secret fields (as stored in
-- Redis, encrypted) and fields relaypg does not know.
create temp table crs on commit drop as select tests.crs_claude_account('5b8e3c0a-4d6f-4a91-9c3e-7fa02d4b6c83', '{
    "email": "0a1b2c3d4e5f60718293a4b5c6d7e8f9:00ff", "password": "", "claudeAiOauth": "0a1b2c3d4e5f60718293a4b5c6d7e8f9:11ee",
    "accessToken": "0a1b2c3d4e5f60718293a4b5c6d7e8f9:22dd", "refreshToken": "0a1b2c3d4e5f60718293a4b5c6d7e8f9:33cc",
    "useUnifiedClientId": "true", "unifiedClientId": "c0ffee", "profileUpdatedAt": "2025-09-16T01:52:08.000Z",
    "rateLimitStatus": "", "rateLimitedAt": "", "rateLimitEndAt": "", "fiveHourAutoStopped": "", "lastRequestTime": "2025-09-16T03:58:26.198Z",
    "sessionWindowStatusUpdatedAt": "2025-09-16T03:58:26.198Z", "stoppedReason": "", "someFutureField": "kept"}'::jsonb) as fields;
select api.import_crs_account('claude:account:5b8e3c0a-4d6f-4a91-9c3e-7fa02d4b6c83', 'claude-official', (select fields from crs),
  '{"accessToken": "sk-ant-oat01-x", "refreshToken": "sk-ant-ort01-y"}', tests.keyring());
create temp table imported on commit drop as select * from relaypg.accounts where id = '5b8e3c0a-4d6f-4a91-9c3e-7fa02d4b6c83';

select is(
  (select array_agg(k order by k) from crs, imported a, jsonb_object_keys(crs.fields) k
    where k <> all(array['id', 'name', 'description', 'priority', 'isActive', 'accountType', 'createdAt', 'updatedAt',
                         'lastUsedAt', 'supportedModels', 'autoStopOnWarning', 'rateLimitDuration', 'dailyQuota',
                         'quotaResetTime', 'proxy', 'expiresAt', 'lastRefreshAt'])
      and not a.options ? k and not a.crs_extra ? k and k <> all(relaypg.account_secret_names('claude-official'))),
  null, 'every input field is a typed column, an option, in crs_extra or a secret');
select ok((select a.options || a.crs_extra <@ crs.fields from crs, imported a), 'options and crs_extra hold the CRS values verbatim');
select is((select array_agg(k order by k) from imported a, jsonb_object_keys(a.crs_extra) k
            where k = any(relaypg.account_secret_names('claude-official'))), array['claudeAiOauth', 'email'],
  'crs_extra keeps, as CRS had them, only the secret fields no decrypted value came for (decrypted ones are secrets)');
select is((select a.crs_extra -> 'someFutureField' from imported a), '"kept"'::jsonb, 'an unknown field is kept');

select api.import_crs_account('claude:account:6c9f4d1b-5e70-4ba2-8d4f-80b13e5c7d94', 'claude-official',
  tests.crs_claude_account('6c9f4d1b-5e70-4ba2-8d4f-80b13e5c7d94', '{"scopes": "", "expiresAt": "", "status": "created", "subscriptionInfo": ""}'),
  '{"refreshToken": "sk-ant-ort01-legacy"}', tests.keyring());
select ok((select a.options ? 'scopes' or a.crs_extra ? 'scopes' from relaypg.accounts a where a.id = '6c9f4d1b-5e70-4ba2-8d4f-80b13e5c7d94'),
  'an empty option field of a legacy account (scopes '''') is kept too');

select * from finish();
rollback;
