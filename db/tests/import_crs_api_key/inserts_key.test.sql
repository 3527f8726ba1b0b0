-- api.import_crs_api_key inserts a realistic CRS apikey:{id} hash as a
-- crs-sha256 key that then authenticates through the CRS digest.
begin;
select plan(5);

select is(
  api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', '{
    "id": "04cceff2-8bef-4ad3-af92-e5f65c3ee6b1", "name": "alice-dev", "description": "",
    "apiKey": "8b1a9953c4611296a827abf8c47804d7e6c49c6b3b5e5e3b0a5e1b5c2f3e4d5a",
    "tokenLimit": "0", "concurrencyLimit": "5", "rateLimitWindow": "0", "rateLimitRequests": "0",
    "rateLimitCost": "0", "isActive": "true", "claudeAccountId": "", "claudeConsoleAccountId": "",
    "geminiAccountId": "", "openaiAccountId": "", "azureOpenaiAccountId": "", "bedrockAccountId": "",
    "permissions": "all", "enableModelRestriction": "false", "restrictedModels": "[]",
    "enableClientRestriction": "false", "allowedClients": "[]", "dailyCostLimit": "0",
    "weeklyOpusCostLimit": "0", "tags": "[\"team-a\",\"dev\"]", "activationDays": "0",
    "expirationMode": "fixed", "isActivated": "true", "activatedAt": "2025-08-07T06:03:00.000Z",
    "createdAt": "2025-08-07T06:03:00.000Z", "lastUsedAt": "", "expiresAt": "", "createdBy": "admin",
    "userId": "", "userUsername": "", "icon": ""}'),
  'inserted', 'a new key is inserted');

select is(
  to_jsonb(tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')) - array['crs_fingerprint', 'crs_synced_version'],
  jsonb_build_object(
    'id', '04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', 'name', 'alice-dev', 'description', '',
    'digest', '\x8b1a9953c4611296a827abf8c47804d7e6c49c6b3b5e5e3b0a5e1b5c2f3e4d5a', 'digest_scheme', 'crs-sha256',
    'permissions', 'all', 'is_active', true, 'token_limit', 0, 'concurrency_limit', 5, 'rate_limit_window', 0,
    'rate_limit_requests', 0, 'rate_limit_cost', 0, 'daily_cost_limit', 0, 'weekly_opus_cost_limit', 0,
    'claude_account_id', null, 'claude_console_account_id', null, 'gemini_account_id', null,
    'openai_account_id', null, 'azure_openai_account_id', null, 'bedrock_account_id', null,
    'enable_model_restriction', false, 'restricted_models', '[]'::jsonb, 'enable_client_restriction', false,
    'allowed_clients', '[]'::jsonb, 'tags', jsonb_build_array('team-a', 'dev'), 'expiration_mode', 'fixed',
    'activation_days', 0, 'is_activated', true, 'activated_at', '2025-08-07T06:03:00+00:00', 'expires_at', null,
    'owner_user_id', null, 'icon', '', 'created_by', 'admin', 'created_at', '2025-08-07T06:03:00+00:00',
    'updated_at', '2025-08-07T06:03:00+00:00', 'last_used_at', null, 'deleted_at', null, 'deleted_by', null,
    'deleted_by_type', null, 'restored_at', null, 'restored_by', null, 'restored_by_type', null,
    'auth_version', 1, 'crs_extra', '{"userUsername": ""}'::jsonb, 'total_cost_limit', null),
  'every CRS field is mapped (updated_at defaults to createdAt; userUsername kept in crs_extra)');

select is(
  (select id from api.authenticate_api_key(tests.digest('x'), '\x8b1a9953c4611296a827abf8c47804d7e6c49c6b3b5e5e3b0a5e1b5c2f3e4d5a', 'claude', null, null)),
  '04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'::uuid, 'the imported key authenticates through its CRS digest');
select is(tests.refusal('\x8b1a9953c4611296a827abf8c47804d7e6c49c6b3b5e5e3b0a5e1b5c2f3e4d5a'), 'AUUNK',
  'and not through the HMAC digest');

select api.import_crs_api_key('apikey:4f0e9b9c-58a5-4a0c-8d2a-0e1c6f9a7b31',
  tests.crs_api_key('4f0e9b9c-58a5-4a0c-8d2a-0e1c6f9a7b31', jsonb_build_object('apiKey', upper(encode(tests.digest('4f0e9b9c-58a5-4a0c-8d2a-0e1c6f9a7b31'), 'hex')))));
select is((tests.key('4f0e9b9c-58a5-4a0c-8d2a-0e1c6f9a7b31')).digest, tests.digest('4f0e9b9c-58a5-4a0c-8d2a-0e1c6f9a7b31'),
  'an upper-case hex apiKey is read');

select * from finish();
rollback;
