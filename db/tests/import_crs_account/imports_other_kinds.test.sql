-- api.import_crs_account imports the other CRS account kinds: a Bedrock JSON
-- document (JSON booleans and numbers, awsCredentials object), Azure OpenAI
-- (supportedModels a JSON array), Gemini (supportedModels a comma-joined
-- string, ISO expiresAt) and OpenAI-Responses.
begin;
select plan(12);

select is((api.import_crs_account('bedrock_account:8771dcef-9cd1-4286-a236-2126f393baa3', 'bedrock',
  '{"id": "8771dcef-9cd1-4286-a236-2126f393baa3", "name": "bedrock-us-east-1", "description": "aws bedrock", "region": "us-east-1",
    "defaultModel": "us.anthropic.claude-sonnet-4-20250514-v1:0", "isActive": true, "accountType": "dedicated", "priority": 40,
    "schedulable": true, "credentialType": "access_key", "createdAt": "2025-08-07T04:31:00.000Z", "updatedAt": "2025-08-07T04:31:00.000Z",
    "type": "bedrock", "awsCredentials": {"encrypted": "43d9ae3d", "iv": "08c1165c735f9148aa4cb244a0aab5b9"}}',
  '{"awsCredentials": {"accessKeyId": "AKIAFIXTURE", "secretAccessKey": "fixture-secret"}}', tests.keyring())).action,
  'inserted', 'a Bedrock JSON document is imported');
select is((select row(kind, platform, priority, is_active, is_paused, account_type, options, crs_extra, secret_names)
             from relaypg.accounts where id = '8771dcef-9cd1-4286-a236-2126f393baa3')::text,
  row('bedrock', 'claude', 40, true, false, 'dedicated',
      '{"region": "us-east-1", "defaultModel": "us.anthropic.claude-sonnet-4-20250514-v1:0", "credentialType": "access_key"}'::jsonb,
      '{"type": "bedrock", "schedulable": true}'::jsonb, array['awsCredentials'])::text,
  'JSON numbers and booleans are read; region/defaultModel/credentialType are options; the encrypted awsCredentials are not kept');
select is((api.account_credentials('8771dcef-9cd1-4286-a236-2126f393baa3', tests.keyring())).secrets,
  '{"awsCredentials": {"accessKeyId": "AKIAFIXTURE", "secretAccessKey": "fixture-secret"}}'::jsonb, 'the AWS credentials are stored encrypted');
select lives_ok($$select api.import_crs_account('bedrock_account:9882edf0-ade2-4397-b347-3237a4a4cbb4', 'bedrock',
  '{"id": "9882edf0-ade2-4397-b347-3237a4a4cbb4", "name": "bedrock-off", "isActive": false, "schedulable": false, "priority": 50}', '{}', tests.keyring())$$,
  'a disabled, unschedulable Bedrock document (which never carries automatic-stop fields) is imported');
select is((select row(is_active, is_paused) from relaypg.accounts where id = '9882edf0-ade2-4397-b347-3237a4a4cbb4')::text,
  row(false, true)::text, 'JSON false for isActive and schedulable is read');

select api.import_crs_account('azure_openai:account:d182dae2-b2fb-4ed8-aae5-94fb72ab3403', 'azure-openai',
  '{"accountType": "shared", "apiVersion": "2024-02-01", "azureEndpoint": "https://fixture.openai.azure.com", "createdAt": "2025-08-07T04:33:00.000Z",
    "deploymentName": "gpt-4o", "description": "", "groupId": "", "id": "d182dae2-b2fb-4ed8-aae5-94fb72ab3403", "isActive": "true",
    "name": "azure-openai-01", "priority": "50", "schedulable": "true", "status": "active", "supportedModels": "[\"gpt-4o\"]",
    "updatedAt": "2025-08-07T04:33:00.000Z", "apiKey": "e548d39c7d0a376c76f49407f7c68772:aa4c"}',
  '{"apiKey": "azure-key"}', tests.keyring());
select is((select row(kind, platform, model_mapping, options, crs_extra) from relaypg.accounts where id = 'd182dae2-b2fb-4ed8-aae5-94fb72ab3403')::text,
  row('azure-openai', 'azure-openai', '{"gpt-4o": "gpt-4o"}'::jsonb,
      '{"apiVersion": "2024-02-01", "azureEndpoint": "https://fixture.openai.azure.com", "deploymentName": "gpt-4o"}'::jsonb,
      '{"groupId": "", "schedulable": "true", "status": "active"}'::jsonb)::text,
  'Azure: a JSON-array supportedModels becomes an identity mapping; endpoint, version and deployment are options');
select is((tests.account('d182dae2-b2fb-4ed8-aae5-94fb72ab3403')).updated_at, '2025-08-07T04:33:00Z'::timestamptz, 'updatedAt is read');

select api.import_crs_account('gemini_account:ccfb1f4c-b658-41e5-9f85-2df4bf0149d1', 'gemini',
  '{"accountType": "shared", "createdAt": "2025-08-07T04:27:00.000Z", "description": "gemini oauth", "expiresAt": "2025-11-15T04:00:00.000Z",
    "id": "ccfb1f4c-b658-41e5-9f85-2df4bf0149d1", "isActive": "true", "lastRefreshAt": "", "lastUsedAt": "2025-09-16T03:49:20.000Z",
    "name": "gemini-01", "platform": "gemini", "priority": "50", "projectId": "fixture-gcp-project",
    "proxy": "{\"type\":\"socks5\",\"host\":\"127.0.0.1\",\"port\":1082}", "schedulable": "true",
    "scopes": "https://www.googleapis.com/auth/cloud-platform", "status": "active", "supportedModels": "gemini-2.5-pro,gemini-2.5-flash",
    "tempProjectId": "", "updatedAt": "2025-09-16T03:49:20.000Z"}',
  '{"accessToken": "ya29.live", "refreshToken": "1//refresh", "geminiOauth": {"access_token": "ya29.old"}}', tests.keyring());
select is((select row(kind, platform, model_mapping, token_expires_at, last_refresh_at, proxy, options)
             from relaypg.accounts where id = 'ccfb1f4c-b658-41e5-9f85-2df4bf0149d1')::text,
  row('gemini', 'gemini', '{"gemini-2.5-pro": "gemini-2.5-pro", "gemini-2.5-flash": "gemini-2.5-flash"}'::jsonb,
      '2025-11-15T04:00:00Z'::timestamptz, null::timestamptz, '{"type": "socks5", "host": "127.0.0.1", "port": 1082}'::jsonb,
      '{"projectId": "fixture-gcp-project", "scopes": "https://www.googleapis.com/auth/cloud-platform"}'::jsonb)::text,
  'Gemini: a comma-joined supportedModels becomes a mapping; ISO expiresAt; proxy without password; projectId and scopes are options');
select is((tests.account('ccfb1f4c-b658-41e5-9f85-2df4bf0149d1')).secret_names, array['accessToken', 'geminiOauth', 'refreshToken'],
  'its secrets are stored');
select api.import_crs_account('gemini_account:0a93fe01-bef3-44a8-8c45-4348b5b5dcc5', 'gemini',
  '{"id": "0a93fe01-bef3-44a8-8c45-4348b5b5dcc5", "name": "gemini-02", "supportedModels": ""}', '{}', tests.keyring());
select is((tests.account('0a93fe01-bef3-44a8-8c45-4348b5b5dcc5')).model_mapping, '{}'::jsonb, 'an empty supportedModels serves every model');

select api.import_crs_account('openai_responses_account:9a4e45a0-33c6-47c5-91a2-3a07881a2fe9', 'openai-responses',
  '{"accountType": "shared", "baseApi": "https://responses.example.invalid/v1", "createdAt": "2025-08-07T04:33:00.000Z", "dailyQuota": "0",
    "id": "9a4e45a0-33c6-47c5-91a2-3a07881a2fe9", "isActive": "true", "name": "openai-responses-01", "platform": "openai-responses",
    "priority": "50", "proxy": "", "rateLimitDuration": "0", "schedulable": "true", "status": "active", "userAgent": ""}',
  '{"apiKey": "sk-resp"}', tests.keyring());
select is((select row(kind, platform, rate_limit_minutes, options) from relaypg.accounts where id = '9a4e45a0-33c6-47c5-91a2-3a07881a2fe9')::text,
  row('openai-responses', 'openai', 0, '{"baseApi": "https://responses.example.invalid/v1"}'::jsonb)::text,
  'OpenAI-Responses: platform openai, rateLimitDuration 0 (rate limiting off), baseApi an option');
select is((select count(*) from relaypg.accounts), 6::bigint, 'every account was stored');

select * from finish();
rollback;
