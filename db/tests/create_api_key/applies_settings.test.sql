-- api.create_api_key applies every given setting and returns the stored key.
begin;
select plan(4);

select tests.create_user('u-alice');

create temp table created on commit drop as
  select * from api.create_api_key(tests.digest('k1'), 'crs-sha256', '{
    "name": " alice-dev ", "description": "Alice''s key", "permissions": "gemini", "is_active": false,
    "token_limit": 1000000, "concurrency_limit": 5, "rate_limit_window": 60, "rate_limit_requests": 100,
    "rate_limit_cost": "1.50", "daily_cost_limit": 10, "weekly_opus_cost_limit": 25.5, "total_cost_limit": "500",
    "claude_account_id": "acc-1", "claude_console_account_id": "group:g1", "gemini_account_id": "gem-1",
    "openai_account_id": "responses:r1", "azure_openai_account_id": "az-1", "bedrock_account_id": "",
    "enable_model_restriction": true, "restricted_models": ["claude-opus-4", " claude-opus-4 "],
    "enable_client_restriction": true, "allowed_clients": ["claude_code", "gemini_cli"],
    "tags": ["team-a", "dev"], "expires_at": "2030-01-01T00:00:00Z", "owner_user_id": "u-alice",
    "icon": "data:image/png;base64,AAAA", "created_by": "u-alice"}');

select is(
  (select to_jsonb(c) - 'id' - 'created_at' - 'updated_at' - 'activated_at' - 'auth_version' - 'crs_extra'
          - 'last_used_at' - 'deleted_at' - 'deleted_by' - 'deleted_by_type'
          - 'restored_at' - 'restored_by' - 'restored_by_type' from created c),
  jsonb_build_object(
    'name', 'alice-dev', 'description', 'Alice''s key', 'digest_scheme', 'crs-sha256', 'permissions', 'gemini',
    'is_active', false, 'token_limit', 1000000, 'concurrency_limit', 5, 'rate_limit_window', 60,
    'rate_limit_requests', 100, 'rate_limit_cost', 1.50, 'daily_cost_limit', 10, 'weekly_opus_cost_limit', 25.5,
    'claude_account_id', 'acc-1', 'claude_console_account_id', 'group:g1', 'gemini_account_id', 'gem-1',
    'openai_account_id', 'responses:r1', 'azure_openai_account_id', 'az-1', 'bedrock_account_id', null,
    'enable_model_restriction', true, 'restricted_models', jsonb_build_array('claude-opus-4'),
    'enable_client_restriction', true, 'allowed_clients', jsonb_build_array('claude_code', 'gemini_cli'),
    'tags', jsonb_build_array('team-a', 'dev'), 'expiration_mode', 'fixed', 'activation_days', 0,
    'is_activated', true, 'expires_at', '2030-01-01T00:00:00+00:00', 'owner_user_id', 'u-alice',
    'owner_username', 'u-alice', 'icon', 'data:image/png;base64,AAAA', 'created_by', 'u-alice', 'total_cost_limit', 500),
  'every setting is applied (name trimmed, lists de-duplicated, empty account id = none)');
select is(
  (select to_jsonb(c) from created c),
  to_jsonb(api.get_api_key((select id from created))),
  'the returned key is the stored key');
select is((select auth_version from created), 1::bigint, 'a new key starts at auth_version 1');
select isnt((select id from created), null, 'an id is generated');

select * from finish();
rollback;
