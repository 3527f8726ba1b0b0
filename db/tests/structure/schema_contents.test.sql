-- The contract: exactly these api functions, these relaypg tables, and no
-- tables in api. A new function must come with tests (add it here).
-- Partitions are not listed by name (their months depend on the date the
-- database was migrated): every other relaypg table is, and each partition
-- must be the default or a <parent>_pYYYY[_MM] partition of a usage table.
begin;
select plan(5);

select functions_are('api', array[
  'account_credentials', 'account_secret_versions', 'admit_request', 'count_accounts', 'authenticate_api_key', 'authenticate_api_keys',
  'check_crs_api_key_index', 'count_api_keys', 'create_account', 'create_account_group',
  'create_api_key', 'create_oauth_session', 'dashboard_counts', 'delete_account', 'delete_account_group',
  'delete_api_key', 'get_account', 'get_account_group', 'get_api_key', 'import_crs_account',
  'import_crs_account_group', 'import_crs_api_key', 'import_crs_oauth_session',
  'import_crs_sticky_session', 'import_crs_usage', 'import_crs_user', 'key_usage', 'list_account_groups', 'list_accounts',
  'list_api_keys', 'list_client_kinds', 'list_crs_import_notes', 'list_dangling_key_bindings',
  'list_partition_policies', 'list_scheduled_jobs', 'load_model_prices', 'maintain_partitions',
  'mark_account_blocked', 'mark_account_overloaded',
  'mark_account_quota_exceeded', 'mark_account_rate_limited', 'migration_status', 'pause_account',
  'price_request', 'purge_api_key', 'purge_expired_leases', 'purge_expired_sessions', 'recent_usage', 'record_account_server_error',
  'record_api_key_uses', 'record_session_window', 'record_token_refresh', 'record_token_refresh_failure',
  'record_usage', 'regenerate_api_key', 'release_lease', 'reset_account_state', 'restore_api_key', 'resume_account',
  'roll_up_usage', 'rotate_account_secrets', 'run_maintenance', 'select_account', 'select_accounts', 'set_account_group_members',
  'set_partition_retention', 'set_usage_time_zone', 'set_user_active', 'take_oauth_session', 'update_account',
  'update_account_group', 'update_api_key', 'usage_averages', 'usage_by_model', 'usage_totals'],
  'api holds exactly the contract''s functions');

select functions_are('relaypg', array[
  'account_can_serve', 'add_to_lifetime_baseline', 'account_group_members_notify_change', 'account_secret_names', 'account_unavailable_reason',
  'account_upstream_model', 'accounts_bump_version', 'accounts_notify_change',
  'api_keys_bump_auth_version', 'api_keys_notify_change', 'apply_account_group_settings',
  'apply_account_secrets', 'apply_account_settings', 'apply_api_key_settings', 'apply_usage_contribution', 'authenticated_key',
  'check_actor_type', 'check_digest', 'check_usage_events', 'compute_model_rates', 'create_partition', 'crs_boolean', 'crs_count', 'crs_instant',
  'crs_model_mapping', 'crs_money', 'crs_subscription_plan', 'crs_text', 'crs_text_array',
  'crs_timestamptz', 'crs_usage_contribution', 'decrypt_secrets', 'encrypt_secrets', 'explain_no_account', 'forget_price_keys',
  'forget_scheduled_job', 'filter_api_keys',
  'is_canonical_uuid', 'is_iso_instant', 'is_token_count', 'is_whole_number',
  'iso_timestamp', 'keyring_current_version', 'keyring_key', 'keys_bound_to', 'kind_platform',
  'lock_account', 'lock_account_group', 'lock_api_key', 'model_rates', 'normalise_model', 'one_hour_cache_price',
  'partition_bounds', 'partition_key_column', 'price_key', 'price_number',
  'raise_bad_crs_field',
  'crs_week_label', 'raise_invalid', 'refuse_over_limit', 'release_bindings', 'record_scheduled_job', 'remember_price_keys', 'resolve_price_key', 'rollup_upsert_sql',
  'save_account', 'save_api_key', 'setting_boolean',
  'setting_count', 'setting_model_mapping', 'setting_money', 'setting_name', 'setting_proxy', 'setting_text',
  'setting_text_array', 'setting_timestamptz', 'strip_vendor_prefix', 'to_account', 'usage_events_look_valid',
  'to_account_group', 'to_api_key', 'unbind_keys', 'usage_time_zone', 'users_propagate_activity'],
  'relaypg holds exactly the tested helpers');

select set_eq(
  $$select c.relname::text from pg_class c
     where c.relnamespace = 'relaypg'::regnamespace and c.relkind in ('r', 'p') and not c.relispartition$$,
  array['account_group_members', 'account_groups', 'accounts', 'api_key_daily_usage', 'api_key_usage', 'api_keys',
        'client_kinds', 'concurrency_leases', 'crs_lifetime_baselines', 'crs_usage_imports', 'deleted_accounts', 'model_price_keys', 'model_prices', 'oauth_sessions', 'partition_policies',
        'purged_api_keys', 'scheduled_jobs', 'sticky_sessions', 'usage_events', 'usage_rollup_watermark',
        'usage_rollups_daily', 'usage_rollups_hourly', 'usage_rollups_monthly', 'usage_settings', 'users'],
  'relaypg holds the private tables (partitions aside)');

select is_empty(
  $$select c.relname from pg_class c
      join pg_inherits i on i.inhrelid = c.oid
      join pg_class p on p.oid = i.inhparent
     where c.relnamespace = 'relaypg'::regnamespace and c.relkind in ('r', 'p') and c.relispartition
       and (p.relname::text not in (select table_name from relaypg.partition_policies)
            or c.relname::text !~ ('^' || p.relname || '_(default|p\d{4}(_\d{2})?)$'))$$,
  'every relaypg partition is the default or a dated partition of a table in relaypg.partition_policies');

select tables_are('api', array[]::name[], 'api holds no tables (the contract is functions)');

select * from finish();
rollback;
