-- The contract: exactly these api functions, these relaypg tables, and no
-- tables in api. A new function must come with tests (add it here).
begin;
select plan(4);

select functions_are('api', array[
  'account_credentials', 'account_secret_versions', 'count_accounts', 'authenticate_api_key',
  'check_crs_api_key_index', 'count_api_keys', 'create_account', 'create_account_group',
  'create_api_key', 'create_oauth_session', 'delete_account', 'delete_account_group',
  'delete_api_key', 'get_account', 'get_account_group', 'get_api_key', 'import_crs_account',
  'import_crs_account_group', 'import_crs_api_key', 'import_crs_oauth_session',
  'import_crs_sticky_session', 'import_crs_user', 'list_account_groups', 'list_accounts',
  'list_api_keys', 'list_client_kinds', 'list_crs_import_notes', 'list_dangling_key_bindings',
  'list_scheduled_jobs', 'load_model_prices', 'mark_account_blocked', 'mark_account_overloaded',
  'mark_account_quota_exceeded', 'mark_account_rate_limited', 'migration_status', 'pause_account',
  'price_request', 'purge_api_key', 'purge_expired_sessions', 'record_account_server_error', 'record_api_key_uses',
  'record_session_window', 'record_token_refresh', 'record_token_refresh_failure',
  'regenerate_api_key', 'reset_account_state', 'restore_api_key', 'resume_account',
  'rotate_account_secrets', 'run_maintenance', 'select_account', 'set_account_group_members',
  'set_user_active', 'take_oauth_session', 'update_account', 'update_account_group',
  'update_api_key'],
  'api holds exactly the contract''s functions');

select functions_are('relaypg', array[
  'account_can_serve', 'account_group_members_notify_change', 'account_secret_names', 'account_unavailable_reason',
  'account_upstream_model', 'accounts_bump_version', 'accounts_notify_change',
  'api_keys_bump_auth_version', 'api_keys_notify_change', 'apply_account_group_settings',
  'apply_account_secrets', 'apply_account_settings', 'apply_api_key_settings', 'authenticated_key',
  'check_actor_type', 'check_digest', 'crs_boolean', 'crs_count', 'crs_instant',
  'crs_model_mapping', 'crs_money', 'crs_subscription_plan', 'crs_text', 'crs_text_array',
  'crs_timestamptz', 'decrypt_secrets', 'encrypt_secrets', 'explain_no_account', 'forget_scheduled_job', 'filter_api_keys',
  'iso_timestamp', 'keyring_current_version', 'keyring_key', 'keys_bound_to', 'kind_platform',
  'lock_account', 'lock_account_group', 'lock_api_key', 'one_hour_cache_price', 'price_key', 'price_number',
  'raise_bad_crs_field',
  'raise_invalid', 'release_bindings', 'record_scheduled_job', 'save_account', 'save_api_key', 'setting_boolean',
  'setting_count', 'setting_model_mapping', 'setting_money', 'setting_name', 'setting_proxy', 'setting_text',
  'setting_text_array', 'setting_timestamptz', 'strip_vendor_prefix', 'to_account',
  'to_account_group', 'to_api_key', 'unbind_keys', 'users_propagate_activity'],
  'relaypg holds exactly the tested helpers');

select tables_are('relaypg', array['account_group_members', 'account_groups', 'accounts', 'api_keys', 'client_kinds', 'deleted_accounts', 'model_prices', 'oauth_sessions',
  'purged_api_keys', 'scheduled_jobs', 'sticky_sessions', 'users'],
  'relaypg holds the private tables');

select tables_are('api', array[]::name[], 'api holds no tables (the contract is functions)');

select * from finish();
rollback;
