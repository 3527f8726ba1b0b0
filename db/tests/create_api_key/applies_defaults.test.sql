-- api.create_api_key with only a name: the table's defaults, a fixed key
-- activated now, auth_version 1, and the digest stored but not returned.
begin;
select plan(7);

create temp table created on commit drop as
  select * from api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "k1"}');

select is(
  (select to_jsonb(c) - 'id' - 'created_at' - 'updated_at' - 'activated_at' from created c),
  jsonb_build_object(
    'name', 'k1', 'description', '', 'digest_scheme', 'hmac-sha256:v1', 'permissions', 'all', 'is_active', true,
    'token_limit', 0, 'concurrency_limit', 0, 'rate_limit_window', 0, 'rate_limit_requests', 0,
    'rate_limit_cost', 0, 'daily_cost_limit', 0, 'weekly_opus_cost_limit', 0,
    'claude_account_id', null, 'claude_console_account_id', null, 'gemini_account_id', null,
    'openai_account_id', null, 'azure_openai_account_id', null, 'bedrock_account_id', null,
    'enable_model_restriction', false, 'restricted_models', '[]'::jsonb,
    'enable_client_restriction', false, 'allowed_clients', '[]'::jsonb, 'tags', '[]'::jsonb,
    'expiration_mode', 'fixed', 'activation_days', 0, 'is_activated', true, 'expires_at', null,
    'owner_user_id', null, 'owner_username', null, 'icon', '', 'created_by', 'admin',
    'last_used_at', null, 'deleted_at', null, 'deleted_by', null, 'deleted_by_type', null,
    'restored_at', null, 'restored_by', null, 'restored_by_type', null,
    'auth_version', 1, 'crs_extra', '{}'::jsonb, 'total_cost_limit', null),
  'every field but the timestamps has its default');
select is((select created_at from created), now(), 'created_at is now');
select is((select updated_at from created), now(), 'updated_at is now');
select is((select activated_at from created), now(), 'a fixed key counts as activated now');
select is((tests.key((select id from created))).digest, tests.digest('k1'), 'the digest is stored');
select is((tests.key((select id from created))).digest_scheme, 'hmac-sha256:v1', 'with its scheme');
select is(tests.refusal(tests.digest('k1')), null, 'the new key authenticates');

select * from finish();
rollback;
