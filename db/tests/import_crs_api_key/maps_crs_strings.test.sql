-- api.import_crs_api_key reads CRS strings: numbers, decimals, "true"/"false",
-- JSON arrays in strings, timestamps, '' as unset.
begin;
select plan(6);

select tests.create_user('u-alice');
select api.import_crs_api_key('apikey:5b8f2c4e-1d3a-4e6b-9c7d-2a4f6e8b0c1d', tests.crs_api_key('5b8f2c4e-1d3a-4e6b-9c7d-2a4f6e8b0c1d', '{
  "tokenLimit": "1000000", "rateLimitWindow": "60", "rateLimitRequests": "100", "rateLimitCost": "2.5",
  "dailyCostLimit": "10.25", "weeklyOpusCostLimit": "1e2", "claudeAccountId": "acc-1",
  "claudeConsoleAccountId": "group:g1", "openaiAccountId": "responses:r1", "permissions": "claude",
  "enableModelRestriction": "true", "restrictedModels": "[\"claude-opus-4\"]",
  "enableClientRestriction": "true", "allowedClients": "[\"claude_code\"]", "tags": "[]",
  "expiresAt": "2030-01-01T00:00:00.000Z", "updatedAt": "2025-08-08T00:00:00.000Z",
  "lastUsedAt": "2025-08-09T10:00:00.000Z", "userId": "u-alice", "userUsername": "alice", "createdBy": "u-alice",
  "icon": "data:image/png;base64,AAAA"}'));

select is(
  (select row(token_limit, rate_limit_window, rate_limit_requests, rate_limit_cost, daily_cost_limit, weekly_opus_cost_limit)
     from relaypg.api_keys where id = '5b8f2c4e-1d3a-4e6b-9c7d-2a4f6e8b0c1d')::text,
  row(1000000::bigint, 60, 100, 2.5, 10.25, 100::numeric)::text,
  'counts and amounts are read from their strings');
select is(
  (select row(claude_account_id, claude_console_account_id, openai_account_id, gemini_account_id, permissions)
     from relaypg.api_keys where id = '5b8f2c4e-1d3a-4e6b-9c7d-2a4f6e8b0c1d')::text,
  row('acc-1', 'group:g1', 'responses:r1', null::text, 'claude')::text,
  'account bindings are kept verbatim, '''' is none');
select is(
  (select row(enable_model_restriction, restricted_models, enable_client_restriction, allowed_clients, tags)
     from relaypg.api_keys where id = '5b8f2c4e-1d3a-4e6b-9c7d-2a4f6e8b0c1d')::text,
  row(true, array['claude-opus-4'], true, array['claude_code'], '{}'::text[])::text,
  '"true" and JSON arrays in strings are read');
select is(
  (select row(expires_at, updated_at, last_used_at, owner_user_id, created_by, icon)
     from relaypg.api_keys where id = '5b8f2c4e-1d3a-4e6b-9c7d-2a4f6e8b0c1d')::text,
  row('2030-01-01T00:00:00Z'::timestamptz, '2025-08-08T00:00:00Z'::timestamptz, '2025-08-09T10:00:00Z'::timestamptz,
      'u-alice', 'u-alice', 'data:image/png;base64,AAAA')::text,
  'timestamps, the owner, createdBy and icon are read');

select api.import_crs_api_key('apikey:6c9a3d5f-2e4b-4f7c-8d8e-3b5a7f9c1d2e', tests.crs_api_key('6c9a3d5f-2e4b-4f7c-8d8e-3b5a7f9c1d2e',
  '{"isActive": "", "permissions": "", "expirationMode": "", "createdBy": "", "concurrencyLimit": ""}') - 'description');
select is(
  (select row(is_active, permissions, expiration_mode, created_by, concurrency_limit, description)
     from relaypg.api_keys where id = '6c9a3d5f-2e4b-4f7c-8d8e-3b5a7f9c1d2e')::text,
  row(false, 'all', 'fixed', 'admin', 0, '')::text,
  'unset (''''/missing) fields take CRS defaults; isActive other than "true" is false');

select api.import_crs_api_key('apikey:7d0b4e6a-3f5c-4a8d-9e9f-4c6b8a0d2e3f', tests.crs_api_key('7d0b4e6a-3f5c-4a8d-9e9f-4c6b8a0d2e3f', '{"isActive": "false"}'));
select is(tests.refusal(tests.digest('x'), p_crs_digest => tests.digest('7d0b4e6a-3f5c-4a8d-9e9f-4c6b8a0d2e3f')), 'AUDIS',
  'isActive "false" imports a disabled key');

select * from finish();
rollback;
