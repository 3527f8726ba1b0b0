-- The contract: exactly these api functions, these relaypg tables, and no
-- tables in api. A new function must come with tests (add it here).
begin;
select plan(4);

select functions_are('api', array[
  'authenticate_api_key', 'check_crs_api_key_index', 'count_api_keys', 'create_api_key',
  'delete_api_key', 'get_api_key', 'import_crs_api_key', 'import_crs_user', 'list_api_keys',
  'list_client_kinds', 'list_crs_import_notes', 'migration_status', 'purge_api_key', 'record_api_key_uses',
  'regenerate_api_key', 'restore_api_key', 'set_user_active', 'update_api_key'],
  'api holds exactly the contract''s functions');

select functions_are('relaypg', array[
  'api_keys_bump_auth_version', 'api_keys_notify_change', 'apply_api_key_settings', 'authenticated_key',
  'check_actor_type', 'check_digest', 'crs_boolean', 'crs_count', 'crs_money', 'crs_text',
  'crs_text_array', 'crs_timestamptz', 'filter_api_keys', 'iso_timestamp', 'lock_api_key', 'raise_bad_crs_field',
  'raise_invalid', 'save_api_key', 'setting_boolean', 'setting_count', 'setting_money', 'setting_text',
  'setting_text_array', 'setting_timestamptz', 'strip_vendor_prefix', 'to_api_key',
  'users_propagate_activity'],
  'relaypg holds exactly the tested helpers');

select tables_are('relaypg', array['api_keys', 'client_kinds', 'purged_api_keys', 'users'],
  'relaypg holds the private tables');

select tables_are('api', array[]::name[], 'api holds no tables (the contract is functions)');

select * from finish();
rollback;
