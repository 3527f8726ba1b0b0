--! Previous: sha1:7afcca7fb5304d8c069ac9537a6b9a5e045bbff0
--! Hash: sha1:0104cd71888396bbb15d527a2e89f856fbf875f0
--! Message: usage

-- usage: one append-only event per relayed request (partitioned by month),
-- recorded idempotently on its request id with its cost computed here; the
-- per-key ledger that limits read (exact as soon as an event is recorded);
-- statistics rollups built from events on a transaction-id watermark; and the
-- partition maintenance (create ahead, drop past retention).
-- Idempotent while it is current.sql: drop first, then create.
drop table if exists relaypg.usage_events, relaypg.api_key_usage, relaypg.api_key_daily_usage,
  relaypg.usage_rollups_hourly, relaypg.usage_rollups_daily, relaypg.usage_rollups_monthly,
  relaypg.usage_rollup_watermark, relaypg.usage_settings, relaypg.partition_policies,
  relaypg.model_price_keys, relaypg.concurrency_leases, relaypg.crs_usage_imports, relaypg.crs_lifetime_baselines cascade;
drop type if exists api.usage_record_result, api.key_usage_figures cascade;
alter table relaypg.api_keys drop column if exists total_cost_limit;
alter type api.api_key drop attribute if exists total_cost_limit;
do $$
declare
  v_function regprocedure;
begin
  for v_function in
    select p.oid::regprocedure from pg_catalog.pg_proc p
     where p.pronamespace in ('api'::regnamespace, 'relaypg'::regnamespace)
       and p.proname in ('normalise_model', 'forget_price_keys', 'record_usage',
                         'usage_time_zone', 'set_usage_time_zone', 'set_partition_retention',
                         'list_partition_policies', 'maintain_partitions', 'create_partition',
                         'roll_up_usage', 'key_usage', 'key_usage_by_model', 'account_usage',
                         'usage_trend', 'usage_dashboard', 'recent_usage', 'rollup_bucket_counts',
                         'run_maintenance', 'remember_price_keys', 'partition_bounds', 'usage_totals',
                         'usage_by_model', 'check_usage_events', 'partition_key_column', 'admit_request',
                         'release_lease', 'purge_expired_leases', 'refuse_over_limit', 'import_crs_usage',
                         'crs_usage_contribution', 'apply_usage_contribution', 'is_iso_instant', 'usage_averages',
                         'dashboard_counts', 'rollup_upsert_sql', 'crs_week_label', 'add_to_lifetime_baseline')
  loop
    execute format('drop function %s cascade', v_function);
  end loop;
end
$$;

-- ---------------------------------------------------------------------------
-- The price entry of a model, remembered: CRS's fuzzy match scans every price
-- in file order, far too slow for every request. Filled as models are met,
-- emptied whenever prices change.
-- ---------------------------------------------------------------------------
create table relaypg.model_price_keys (
  model     text primary key,
  -- null: no entry prices this model (remembered too).
  price_key text
);
comment on table relaypg.model_price_keys is 'Memo of relaypg.resolve_price_key per model; emptied by a trigger whenever relaypg.model_prices changes.';

-- The matching rules of 000003's relaypg.price_key keep their body under a
-- new name (the guard keeps this file re-runnable while it is current.sql).
do $$
begin
  if pg_catalog.to_regprocedure('relaypg.resolve_price_key(text)') is null then
    alter function relaypg.price_key(text) rename to resolve_price_key;
  end if;
end
$$;
comment on function relaypg.resolve_price_key(text) is 'The pricing entry CRS 0881cc09 would price a model with (exact, gpt-5-codex, Bedrock region, fuzzy in file order, Bedrock core); null when none. Uncached: use relaypg.price_key.';

-- 000003's name and signature, now reading the memo first.
create or replace function relaypg.price_key(p_model text)
returns text
language plpgsql
stable
-- No SET clause: it runs per priced event (every name in it is qualified).
as $$
declare
  v_memo relaypg.model_price_keys;
begin
  select m.* into v_memo from relaypg.model_price_keys m where m.model = p_model;
  if found then
    return v_memo.price_key;
  end if;
  return relaypg.resolve_price_key(p_model);
end
$$;
comment on function relaypg.price_key(text) is 'The pricing entry CRS 0881cc09 would price a model with: remembered in relaypg.model_price_keys, else relaypg.resolve_price_key.';

-- Remembers the price entries of models not met before (recording calls it
-- before pricing, so that a model's fuzzy match runs once per price load).
create function relaypg.remember_price_keys(p_models text[])
returns void
language sql
volatile
set search_path = ''
begin atomic
  insert into relaypg.model_price_keys (model, price_key)
  select m.model, relaypg.resolve_price_key(m.model)
    from (select distinct u.model from unnest(p_models) u(model) where coalesce(u.model, '') <> '') m
   where not exists (select from relaypg.model_price_keys k where k.model = m.model)
  on conflict (model) do nothing;
end;
comment on function relaypg.remember_price_keys(text[]) is 'Adds the price entry of each model not yet in relaypg.model_price_keys.';

create function relaypg.forget_price_keys()
returns trigger
language plpgsql
volatile
set search_path = ''
as $$
begin
  delete from relaypg.model_price_keys;
  return null;
end
$$;
comment on function relaypg.forget_price_keys() is 'Trigger: prices changed, so every remembered price entry is dropped.';

create trigger model_prices_forget_price_keys
after insert or update or delete or truncate on relaypg.model_prices
for each statement execute function relaypg.forget_price_keys();

-- ---------------------------------------------------------------------------
-- CRS's model name for statistics (redis._normalizeModelName): Bedrock ids
-- lose the region prefix, 'anthropic.' and a -vN:M suffix; other models lose
-- a trailing -vN:M or :latest. '[1m]' is kept.
-- ---------------------------------------------------------------------------
create function relaypg.normalise_model(p_model text)
returns text
language sql
immutable
parallel safe
return case
  when p_model is null or p_model = 'unknown' then p_model
  when strpos(p_model, '.anthropic.') > 0 or strpos(p_model, '.claude') > 0 then
    regexp_replace(regexp_replace(regexp_replace(p_model, '^[a-z0-9-]+\.', ''), 'anthropic\.', ''), '-v\d+:\d+$', '')
  else regexp_replace(p_model, '-v\d+:\d+$|:latest$', '')
end;
comment on function relaypg.normalise_model(text) is 'CRS''s statistics model name: Bedrock region, anthropic. and -vN:M removed; else a trailing -vN:M or :latest removed.';

-- ---------------------------------------------------------------------------
-- Settings: the time zone that cuts days, weeks and months (the per-key
-- ledger and the daily/monthly rollups use it when they are written).
-- ---------------------------------------------------------------------------
create table relaypg.usage_settings (
  singleton  boolean primary key default true,
  time_zone  text not null default 'Asia/Shanghai',
  updated_at timestamptz not null default now(),
  constraint usage_settings_is_one_row check (singleton)
);
comment on table relaypg.usage_settings is 'The one time zone (IANA) that cuts usage days, ISO weeks and months; set by the service at start-up from TIME_ZONE.';
insert into relaypg.usage_settings default values;

create function relaypg.usage_time_zone()
returns text
language sql
stable
-- No SET clause, so that it is inlined into the queries that call it (every name is qualified).
return (select s.time_zone from relaypg.usage_settings s);
comment on function relaypg.usage_time_zone() is 'The configured usage time zone.';

create function api.set_usage_time_zone(p_time_zone text)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_previous text := relaypg.usage_time_zone();
begin
  if p_time_zone is null or not exists (select from pg_catalog.pg_timezone_names z where z.name = p_time_zone) then
    perform relaypg.raise_invalid('time_zone', 'must be an IANA time zone name');
  end if;
  if p_time_zone is distinct from v_previous then
    update relaypg.usage_settings set time_zone = p_time_zone, updated_at = now();
  end if;
  return v_previous;
end
$$;
comment on function api.set_usage_time_zone(text) is
  'Sets the time zone of usage days, weeks and months (buckets written from now on); returns the previous one. RVINV.';
grant execute on function api.set_usage_time_zone(text) to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- Total cost limit (CRS's newer totalCostLimit): a key is refused once its
-- lifetime cost reaches it (api.admit_request). A key setting like the other
-- limits: the three functions that read, apply and write key settings are
-- redefined with it (000001's, one field more).
-- ---------------------------------------------------------------------------
-- Nullable (null or 0: no limit): 000001's create and CRS import build rows
-- field by field and leave it unset.
alter table relaypg.api_keys add column total_cost_limit numeric,
  add constraint api_keys_total_cost_limit_is_non_negative check (total_cost_limit >= 0);
alter type api.api_key add attribute total_cost_limit numeric;

create or replace function relaypg.to_api_key(p_key relaypg.api_keys)
returns api.api_key
language sql
stable
set search_path = ''
as $$
  select row(
    p_key.id, p_key.name, p_key.description, p_key.digest_scheme, p_key.permissions, p_key.is_active,
    p_key.token_limit, p_key.concurrency_limit, p_key.rate_limit_window, p_key.rate_limit_requests,
    p_key.rate_limit_cost, p_key.daily_cost_limit, p_key.weekly_opus_cost_limit,
    p_key.claude_account_id, p_key.claude_console_account_id, p_key.gemini_account_id,
    p_key.openai_account_id, p_key.azure_openai_account_id, p_key.bedrock_account_id,
    p_key.enable_model_restriction, p_key.restricted_models, p_key.enable_client_restriction,
    p_key.allowed_clients, p_key.tags, p_key.expiration_mode, p_key.activation_days,
    p_key.is_activated, p_key.activated_at, p_key.expires_at, p_key.owner_user_id,
    (select u.username from relaypg.users u where u.id = p_key.owner_user_id),
    p_key.icon, p_key.created_by, p_key.created_at, p_key.updated_at, p_key.last_used_at,
    p_key.deleted_at, p_key.deleted_by, p_key.deleted_by_type,
    p_key.restored_at, p_key.restored_by, p_key.restored_by_type,
    p_key.auth_version, p_key.crs_extra, p_key.total_cost_limit
  )::api.api_key;
$$;
comment on function relaypg.to_api_key(relaypg.api_keys) is 'Projects a stored key to api.api_key (drops the digest, adds the owner''s username).';

create or replace function relaypg.apply_api_key_settings(p_key relaypg.api_keys, p_settings jsonb)
returns relaypg.api_keys
language plpgsql
stable
set search_path = ''
as $$
declare
  v_key relaypg.api_keys := p_key;
  v_field text;
  v_value jsonb;
  v_mode_changed boolean := false;
  v_unknown text;
begin
  if p_settings is null or jsonb_typeof(p_settings) <> 'object' then
    perform relaypg.raise_invalid('settings', 'must be a JSON object');
  end if;

  for v_field, v_value in select e.key, e.value from jsonb_each(p_settings) e loop
    case v_field
      when 'name' then
        v_key.name := btrim(relaypg.setting_text(v_field, v_value, false, 200));
        if v_key.name = '' then
          perform relaypg.raise_invalid(v_field, 'must not be blank');
        end if;
      when 'description' then v_key.description := coalesce(relaypg.setting_text(v_field, v_value, true, 2000), '');
      when 'permissions' then
        v_key.permissions := relaypg.setting_text(v_field, v_value, false, 20);
        if v_key.permissions not in ('all', 'claude', 'gemini', 'openai') then
          perform relaypg.raise_invalid(v_field, 'must be one of all, claude, gemini, openai');
        end if;
      when 'is_active' then v_key.is_active := relaypg.setting_boolean(v_field, v_value);
      when 'token_limit' then v_key.token_limit := relaypg.setting_count(v_field, v_value, 9007199254740991);
      when 'concurrency_limit' then v_key.concurrency_limit := relaypg.setting_count(v_field, v_value, 100000);
      when 'rate_limit_window' then v_key.rate_limit_window := relaypg.setting_count(v_field, v_value, 525600);
      when 'rate_limit_requests' then v_key.rate_limit_requests := relaypg.setting_count(v_field, v_value, 2147483647);
      when 'rate_limit_cost' then v_key.rate_limit_cost := relaypg.setting_money(v_field, v_value);
      when 'daily_cost_limit' then v_key.daily_cost_limit := relaypg.setting_money(v_field, v_value);
      when 'weekly_opus_cost_limit' then v_key.weekly_opus_cost_limit := relaypg.setting_money(v_field, v_value);
      when 'total_cost_limit' then v_key.total_cost_limit := relaypg.setting_money(v_field, v_value);
      when 'claude_account_id' then v_key.claude_account_id := nullif(relaypg.setting_text(v_field, v_value, true, 200), '');
      when 'claude_console_account_id' then v_key.claude_console_account_id := nullif(relaypg.setting_text(v_field, v_value, true, 200), '');
      when 'gemini_account_id' then v_key.gemini_account_id := nullif(relaypg.setting_text(v_field, v_value, true, 200), '');
      when 'openai_account_id' then v_key.openai_account_id := nullif(relaypg.setting_text(v_field, v_value, true, 200), '');
      when 'azure_openai_account_id' then v_key.azure_openai_account_id := nullif(relaypg.setting_text(v_field, v_value, true, 200), '');
      when 'bedrock_account_id' then v_key.bedrock_account_id := nullif(relaypg.setting_text(v_field, v_value, true, 200), '');
      when 'enable_model_restriction' then v_key.enable_model_restriction := relaypg.setting_boolean(v_field, v_value);
      when 'restricted_models' then v_key.restricted_models := relaypg.setting_text_array(v_field, v_value, 500, 200);
      when 'enable_client_restriction' then v_key.enable_client_restriction := relaypg.setting_boolean(v_field, v_value);
      when 'allowed_clients' then
        v_key.allowed_clients := relaypg.setting_text_array(v_field, v_value, 50, 64);
        select c into v_unknown from unnest(v_key.allowed_clients) c
         where not exists (select 1 from relaypg.client_kinds k where k.id = c) limit 1;
        if v_unknown is not null then
          perform relaypg.raise_invalid(v_field, format('unknown client %L', v_unknown),
            'Known clients: ' || (select string_agg(k.id, ', ' order by k.id) from relaypg.client_kinds k));
        end if;
      when 'tags' then v_key.tags := relaypg.setting_text_array(v_field, v_value, 50, 100);
      when 'expiration_mode' then
        v_key.expiration_mode := relaypg.setting_text(v_field, v_value, false, 20);
        if v_key.expiration_mode not in ('fixed', 'activation') then
          perform relaypg.raise_invalid(v_field, 'must be fixed or activation');
        end if;
        v_mode_changed := v_key.expiration_mode is distinct from p_key.expiration_mode;
      when 'activation_days' then v_key.activation_days := relaypg.setting_count(v_field, v_value, 36500);
      when 'expires_at' then v_key.expires_at := relaypg.setting_timestamptz(v_field, v_value);
      when 'owner_user_id' then
        v_key.owner_user_id := nullif(relaypg.setting_text(v_field, v_value, true, 200), '');
        if v_key.owner_user_id is not null
           and not exists (select 1 from relaypg.users u where u.id = v_key.owner_user_id) then
          raise exception 'user % not found', v_key.owner_user_id
            using errcode = 'USNFD', column = 'owner_user_id';
        end if;
      when 'icon' then v_key.icon := coalesce(relaypg.setting_text(v_field, v_value, true, 200000), '');
      when 'created_by' then v_key.created_by := coalesce(relaypg.setting_text(v_field, v_value, true, 200), 'admin');
      else
        perform relaypg.raise_invalid(v_field, 'is not a known field');
    end case;
  end loop;

  -- Switching expiry mode restarts the lifecycle: an activation-mode key
  -- waits for its first use; a fixed key counts as activated now.
  if v_mode_changed or p_key.id is null then
    if v_key.expiration_mode = 'activation' then
      v_key.is_activated := false;
      v_key.activated_at := null;
    else
      v_key.is_activated := true;
      v_key.activated_at := coalesce(v_key.activated_at, now());
    end if;
  end if;

  if v_key.expiration_mode = 'activation' then
    if v_key.activation_days < 1 then
      perform relaypg.raise_invalid('activation_days', 'must be at least 1 for activation-mode keys');
    end if;
    if not v_key.is_activated and v_key.expires_at is not null then
      perform relaypg.raise_invalid('expires_at', 'is set on first use for activation-mode keys',
        'Leave expires_at empty; it becomes activated_at + activation_days.');
    end if;
  end if;

  return v_key;
end
$$;
comment on function relaypg.apply_api_key_settings(relaypg.api_keys, jsonb) is
  'Applies and validates create/update settings (snake_case jsonb) onto a key row; RVINV/USNFD per field.';

create or replace function relaypg.save_api_key(p_key relaypg.api_keys)
returns relaypg.api_keys
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_saved relaypg.api_keys;
begin
  update relaypg.api_keys k set
    name = p_key.name, description = p_key.description, digest = p_key.digest,
    digest_scheme = p_key.digest_scheme, permissions = p_key.permissions, is_active = p_key.is_active,
    token_limit = p_key.token_limit, concurrency_limit = p_key.concurrency_limit,
    rate_limit_window = p_key.rate_limit_window, rate_limit_requests = p_key.rate_limit_requests,
    rate_limit_cost = p_key.rate_limit_cost, daily_cost_limit = p_key.daily_cost_limit,
    weekly_opus_cost_limit = p_key.weekly_opus_cost_limit, claude_account_id = p_key.claude_account_id,
    claude_console_account_id = p_key.claude_console_account_id, gemini_account_id = p_key.gemini_account_id,
    openai_account_id = p_key.openai_account_id, azure_openai_account_id = p_key.azure_openai_account_id,
    bedrock_account_id = p_key.bedrock_account_id, enable_model_restriction = p_key.enable_model_restriction,
    restricted_models = p_key.restricted_models, enable_client_restriction = p_key.enable_client_restriction,
    allowed_clients = p_key.allowed_clients, tags = p_key.tags, expiration_mode = p_key.expiration_mode,
    activation_days = p_key.activation_days, is_activated = p_key.is_activated,
    activated_at = p_key.activated_at, expires_at = p_key.expires_at, owner_user_id = p_key.owner_user_id,
    icon = p_key.icon, created_by = p_key.created_by, created_at = p_key.created_at,
    updated_at = p_key.updated_at, last_used_at = p_key.last_used_at, deleted_at = p_key.deleted_at,
    deleted_by = p_key.deleted_by, deleted_by_type = p_key.deleted_by_type,
    restored_at = p_key.restored_at, restored_by = p_key.restored_by,
    restored_by_type = p_key.restored_by_type, auth_version = p_key.auth_version,
    crs_extra = p_key.crs_extra, crs_fingerprint = p_key.crs_fingerprint,
    crs_synced_version = p_key.crs_synced_version, total_cost_limit = p_key.total_cost_limit
  where k.id = p_key.id
  returning k.* into v_saved;
  return v_saved;
end
$$;
comment on function relaypg.save_api_key(relaypg.api_keys) is
  'Writes every column of a key row (but id) and returns the stored row; auth_version as given, bumped by the trigger if unchanged.';

-- ---------------------------------------------------------------------------
-- Usage events: one row per relayed request, never updated. Range-partitioned
-- by month on occurred_at; a default partition catches what no partition
-- holds yet. request_id is unique across partitions (api.record_usage checks
-- under an advisory lock; a unique index would have to include occurred_at).
-- ---------------------------------------------------------------------------
create table relaypg.usage_events (
  request_id            text not null,
  occurred_at           timestamptz not null,
  recorded_at           timestamptz not null default now(),
  -- The recording transaction: what api.roll_up_usage compares with its snapshots.
  recorded_xid          xid8 not null default pg_current_xact_id(),
  api_key_id            uuid not null,
  account_id            uuid,
  account_kind          text,
  requested_model       text not null,
  model                 text not null,
  input_tokens          bigint not null,
  output_tokens         bigint not null,
  cache_create_tokens   bigint not null,
  cache_create_5m_tokens bigint not null,
  cache_create_1h_tokens bigint not null,
  cache_read_tokens     bigint not null,
  long_context          boolean not null,
  stream                boolean,
  status                integer not null default 200,
  duration_ms           integer,
  cost_path             text not null,
  price_key             text,
  cost_input            numeric not null,
  cost_output           numeric not null,
  cost_cache_create     numeric not null,
  cost_cache_read       numeric not null,
  cost_total            numeric not null,
  -- The part of cost_total that counts toward the weekly Opus limit.
  opus_cost             numeric not null,
  constraint usage_events_request_id_is_sane check (char_length(request_id) between 1 and 128),
  constraint usage_events_tokens_are_non_negative check (
    least(input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens, cache_read_tokens) >= 0),
  constraint usage_events_cache_split_fits check (cache_create_5m_tokens + cache_create_1h_tokens <= cache_create_tokens),
  constraint usage_events_cost_path_is_known check (cost_path in ('details', 'plain'))
) partition by range (occurred_at);
comment on table relaypg.usage_events is 'One row per relayed request (append-only), monthly partitions on occurred_at; see relaypg.partition_policies.';
create table relaypg.usage_events_default partition of relaypg.usage_events default;
create index usage_events_request_id_idx on relaypg.usage_events (request_id);
create index usage_events_recorded_xid_idx on relaypg.usage_events (recorded_xid);
create index usage_events_api_key_id_occurred_at_idx on relaypg.usage_events (api_key_id, occurred_at);
create index usage_events_occurred_at_idx on relaypg.usage_events using brin (occurred_at);

-- ---------------------------------------------------------------------------
-- The per-key ledger, written by the recording call itself (so exact at
-- once): lifetime totals and the open rate-limit window, and one row per key
-- and local day (daily cost, weekly Opus cost, today's and this month's
-- figures). Only requests of the same key touch the same rows.
-- ---------------------------------------------------------------------------
create table relaypg.api_key_usage (
  api_key_id            uuid primary key,
  requests              bigint not null default 0,
  input_tokens          bigint not null default 0,
  output_tokens         bigint not null default 0,
  cache_create_tokens   bigint not null default 0,
  cache_create_5m_tokens bigint not null default 0,
  cache_create_1h_tokens bigint not null default 0,
  cache_read_tokens     bigint not null default 0,
  long_context_requests bigint not null default 0,
  long_context_input_tokens bigint not null default 0,
  long_context_output_tokens bigint not null default 0,
  cost                  numeric not null default 0,
  opus_cost             numeric not null default 0,
  first_used_at         timestamptz,
  last_used_at          timestamptz,
  -- CRS's fixed rate-limit window: opened by the first request after the
  -- previous one ended; requests are counted on admission, tokens and cost
  -- when the request is recorded.
  window_started_at     timestamptz,
  window_ends_at        timestamptz,
  window_requests       bigint not null default 0,
  window_tokens         bigint not null default 0,
  window_cost           numeric not null default 0,
  -- Usage imported from CRS covers this key up to this instant (its figures
  -- are in the ledger and rollups): an event that occurred before is not
  -- recorded, so nothing is counted twice.
  baseline_cut_off      timestamptz
);
comment on table relaypg.api_key_usage is 'Per-key lifetime usage and the open rate-limit window; updated by api.record_usage in the same statement as the event.';

create table relaypg.api_key_daily_usage (
  api_key_id            uuid not null,
  day                   date not null,
  requests              bigint not null default 0,
  input_tokens          bigint not null default 0,
  output_tokens         bigint not null default 0,
  cache_create_tokens   bigint not null default 0,
  cache_create_5m_tokens bigint not null default 0,
  cache_create_1h_tokens bigint not null default 0,
  cache_read_tokens     bigint not null default 0,
  long_context_requests bigint not null default 0,
  cost                  numeric not null default 0,
  opus_cost             numeric not null default 0,
  primary key (api_key_id, day)
);
comment on table relaypg.api_key_daily_usage is 'Per-key usage by local day (relaypg.usage_settings.time_zone at recording); what daily and weekly cost limits read.';

-- ---------------------------------------------------------------------------
-- Statistics rollups, built from events by api.roll_up_usage (never on the
-- request path): per grain, one row per bucket, scope (key, account, or the
-- whole service) and normalised model. Hourly buckets are UTC hours; daily
-- and monthly buckets are local dates in the usage time zone.
-- ---------------------------------------------------------------------------
create table relaypg.usage_rollups_hourly (
  bucket                timestamptz not null,
  scope                 text not null,
  scope_id              text not null,
  model                 text not null,
  requests              bigint not null,
  input_tokens          bigint not null,
  output_tokens         bigint not null,
  cache_create_tokens   bigint not null,
  cache_create_5m_tokens bigint not null,
  cache_create_1h_tokens bigint not null,
  cache_read_tokens     bigint not null,
  long_context_requests bigint not null,
  cost                  numeric not null,
  primary key (scope, scope_id, bucket, model),
  constraint usage_rollups_hourly_scope_is_known check (scope in ('key', 'account', 'all'))
) partition by range (bucket);
comment on table relaypg.usage_rollups_hourly is 'Usage by UTC hour, scope (key / account / all) and model; monthly partitions.';
create table relaypg.usage_rollups_hourly_default partition of relaypg.usage_rollups_hourly default;

create table relaypg.usage_rollups_daily (
  bucket                date not null,
  scope                 text not null,
  scope_id              text not null,
  model                 text not null,
  requests              bigint not null,
  input_tokens          bigint not null,
  output_tokens         bigint not null,
  cache_create_tokens   bigint not null,
  cache_create_5m_tokens bigint not null,
  cache_create_1h_tokens bigint not null,
  cache_read_tokens     bigint not null,
  long_context_requests bigint not null,
  cost                  numeric not null,
  primary key (scope, scope_id, bucket, model),
  constraint usage_rollups_daily_scope_is_known check (scope in ('key', 'account', 'all'))
) partition by range (bucket);
comment on table relaypg.usage_rollups_daily is 'Usage by local day (usage time zone), scope and model; yearly partitions.';
create table relaypg.usage_rollups_daily_default partition of relaypg.usage_rollups_daily default;

create table relaypg.usage_rollups_monthly (
  like relaypg.usage_rollups_daily including constraints,
  primary key (scope, scope_id, bucket, model)
) partition by range (bucket);
comment on table relaypg.usage_rollups_monthly is 'Usage by local month (its first day; usage time zone), scope and model; yearly partitions.';
create table relaypg.usage_rollups_monthly_default partition of relaypg.usage_rollups_monthly default;

-- The snapshot of the last roll-up: the events of every transaction it saw
-- as committed are in the rollups, and no other.
create table relaypg.usage_rollup_watermark (
  singleton   boolean primary key default true,
  snapshot    pg_snapshot not null,
  -- Transaction ids mean something only in the cluster that issued them: a
  -- restored dump (another cluster) must not trust them (api.roll_up_usage).
  cluster_id  bigint not null default (pg_catalog.pg_control_system()).system_identifier,
  rolled_at   timestamptz,
  constraint usage_rollup_watermark_is_one_row check (singleton)
);
comment on table relaypg.usage_rollup_watermark is 'The snapshot of the last roll-up: exactly the events of the transactions committed in it are counted in the rollups.';
insert into relaypg.usage_rollup_watermark (snapshot) values ('1:1:'::pg_snapshot);

-- ---------------------------------------------------------------------------
-- Partitions: what api.maintain_partitions keeps for each partitioned table.
-- ---------------------------------------------------------------------------
create table relaypg.partition_policies (
  table_name  text primary key,
  step        text not null,
  -- Partitions whose whole range ended longer ago than this are dropped; null keeps them.
  retention   interval,
  -- How many partitions after the current one are created ahead.
  premake     integer not null default 2,
  constraint partition_policies_step_is_known check (step in ('month', 'year')),
  constraint partition_policies_retention_is_positive check (retention > interval '0'),
  constraint partition_policies_premake_is_sane check (premake between 0 and 24)
);
comment on table relaypg.partition_policies is 'Partitioned tables kept by api.maintain_partitions: partition size, retention (null = forever), partitions made ahead.';
insert into relaypg.partition_policies (table_name, step, retention, premake) values
  ('usage_events', 'month', interval '90 days', 2),
  ('usage_rollups_hourly', 'month', interval '90 days', 2),
  ('usage_rollups_daily', 'year', interval '3 years', 1),
  ('usage_rollups_monthly', 'year', null, 1);

create function api.set_partition_retention(p_table text, p_retention interval)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if p_retention is not null and p_retention <= interval '0' then
    perform relaypg.raise_invalid('retention', 'must be positive (or null to keep every partition)');
  end if;
  update relaypg.partition_policies set retention = p_retention where table_name = p_table;
  if not found then
    perform relaypg.raise_invalid('table', 'is not a partitioned usage table',
      'one of: ' || (select string_agg(table_name, ', ' order by table_name) from relaypg.partition_policies));
  end if;
end
$$;
comment on function api.set_partition_retention(text, interval) is
  'Sets how long the partitions of one usage table are kept (null: forever); applied by the next api.maintain_partitions. RVINV.';
grant execute on function api.set_partition_retention(text, interval) to :DATABASE_APP_USER;

create function api.list_partition_policies()
returns table (table_name text, step text, retention interval, premake integer, partitions bigint,
               oldest_from timestamptz, newest_to timestamptz, default_rows bigint)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_policy relaypg.partition_policies;
begin
  for v_policy in select p.* from relaypg.partition_policies p order by p.table_name loop
    table_name := v_policy.table_name;
    step := v_policy.step;
    retention := v_policy.retention;
    premake := v_policy.premake;
    select count(*), min(b.lower_bound), max(b.upper_bound) into partitions, oldest_from, newest_to
      from relaypg.partition_bounds(v_policy.table_name) b;
    execute format('select count(*) from relaypg.%I', v_policy.table_name || '_default') into default_rows;
    return next;
  end loop;
end
$$;
comment on function api.list_partition_policies() is 'Each partitioned usage table: its policy, how many partitions it has and the range they cover, and the rows in its default partition.';
grant execute on function api.list_partition_policies() to :DATABASE_APP_USER;

-- The range partitions of a table (the default partition excluded), bounds as
-- timestamptz (date bounds are read as UTC midnights).
create function relaypg.partition_bounds(p_table text)
returns table (partition_name text, lower_bound timestamptz, upper_bound timestamptz)
language sql
stable
-- UTC: pg_get_expr prints timestamptz bounds in the session's zone, and a
-- date bound read as timestamptz is midnight in that zone.
set search_path = ''
set timezone = 'UTC'
as $$
  select c.relname::text,
         (regexp_match(pg_catalog.pg_get_expr(c.relpartbound, c.oid), 'FROM \(''([^'']+)''\)'))[1]::timestamptz,
         (regexp_match(pg_catalog.pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::timestamptz
    from pg_catalog.pg_inherits i
    join pg_catalog.pg_class c on c.oid = i.inhrelid
   where i.inhparent = pg_catalog.to_regclass('relaypg.' || p_table)
     and pg_catalog.pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT';
$$;
comment on function relaypg.partition_bounds(text) is 'The range partitions of relaypg.<p_table>, with their bounds (UTC).';

-- The partition key column of a partitioned table in relaypg.
create function relaypg.partition_key_column(p_table text)
returns text
language sql
stable
set search_path = ''
return (select a.attname::text
          from pg_catalog.pg_partitioned_table pt
          join pg_catalog.pg_attribute a on a.attrelid = pt.partrelid and a.attnum = pt.partattrs[0]
         where pt.partrelid = pg_catalog.to_regclass('relaypg.' || p_table));
comment on function relaypg.partition_key_column(text) is 'The column relaypg.<p_table> is range-partitioned on.';

-- Creates the partition of p_table that starts at p_from (the start of a
-- month or year, UTC); rows the default partition already holds for that
-- range move into it. Returns its name, or null when it exists.
create function relaypg.create_partition(p_table text, p_from timestamptz)
returns text
language plpgsql
volatile
set search_path = ''
set timezone = 'UTC'
as $$
declare
  v_policy relaypg.partition_policies;
  v_column text := relaypg.partition_key_column(p_table);
  v_name text;
  v_lower text;
  v_upper text;
begin
  select p.* into strict v_policy from relaypg.partition_policies p where p.table_name = p_table;
  if p_from is distinct from date_trunc(v_policy.step, p_from) then
    raise exception 'partition of % must start at a % boundary, not %', p_table, v_policy.step, p_from;
  end if;
  v_name := p_table || '_p' || to_char(p_from, case v_policy.step when 'month' then 'YYYY_MM' else 'YYYY' end);
  if pg_catalog.to_regclass('relaypg.' || v_name) is not null then
    return null;
  end if;
  -- Bounds in the column's own type (a date column takes the UTC date).
  if (select a.atttypid from pg_catalog.pg_attribute a
       where a.attrelid = pg_catalog.to_regclass('relaypg.' || p_table) and a.attname = v_column) = 'date'::regtype then
    v_lower := quote_literal(p_from::date);
    v_upper := quote_literal((p_from + ('1 ' || v_policy.step)::interval)::date);
  else
    v_lower := quote_literal(p_from);
    v_upper := quote_literal(p_from + ('1 ' || v_policy.step)::interval);
  end if;
  -- Created apart and attached: ATTACH takes only a SHARE UPDATE EXCLUSIVE
  -- lock on the parent, so recording goes on (CREATE ... PARTITION OF would
  -- lock it exclusively). Rows the default partition already holds for the
  -- range move in first (attaching would fail while they are there).
  execute format('create table relaypg.%I (like relaypg.%I including defaults including constraints)', v_name, p_table);
  execute format('with moved as (delete from relaypg.%I where %I >= %s and %I < %s returning *) insert into relaypg.%I select * from moved',
                 p_table || '_default', v_column, v_lower, v_column, v_upper, v_name);
  execute format('alter table relaypg.%I attach partition relaypg.%I for values from (%s) to (%s)',
                 p_table, v_name, v_lower, v_upper);
  return v_name;
end
$$;
comment on function relaypg.create_partition(text, timestamptz) is
  'Creates the partition of relaypg.<p_table> starting at p_from (moving in the default partition''s rows of its range); null when it exists.';

create function api.maintain_partitions(p_now timestamptz default now(), p_from timestamptz default null)
returns table (action text, partition_name text)
language plpgsql
volatile
security definer
set search_path = ''
set timezone = 'UTC'
-- A partition change waits at most this long for its lock (a long reader of
-- the table, a dump); the work is left to the next run, so that recording
-- never queues behind a waiting DDL for longer.
set lock_timeout = '500ms'
as $$
declare
  v_policy relaypg.partition_policies;
  v_step interval;
  v_start timestamptz;
  v_cut timestamptz;
  v_created text;
  v_old record;
begin
  if p_now is null then
    perform relaypg.raise_invalid('now', 'must be an instant');
  end if;
  for v_policy in select p.* from relaypg.partition_policies p order by p.table_name loop
    v_step := ('1 ' || v_policy.step)::interval;
    -- Nothing is ever dropped for being old by a clock later than the real one.
    v_cut := case when v_policy.retention is not null then least(p_now, now()) - v_policy.retention end;
    v_start := date_trunc(v_policy.step, least(coalesce(p_from, p_now), p_now));
    -- A partition that retention would drop at once is not made.
    while v_cut is not null and v_start + v_step <= v_cut loop
      v_start := v_start + v_step;
    end loop;
    while v_start <= date_trunc(v_policy.step, p_now) + v_step * v_policy.premake loop
      begin
        v_created := relaypg.create_partition(v_policy.table_name, v_start);
        if v_created is not null then
          action := 'created';
          partition_name := v_created;
          return next;
        end if;
      exception when lock_not_available then
        action := 'busy';
        partition_name := v_policy.table_name;
        return next;
      end;
      v_start := v_start + v_step;
    end loop;
    if v_cut is not null then
      for v_old in select b.partition_name from relaypg.partition_bounds(v_policy.table_name) b
                    where b.upper_bound <= v_cut order by b.lower_bound loop
        begin
          -- Dropping a partition locks its parent exclusively: briefly, or not now.
          execute format('alter table relaypg.%I detach partition relaypg.%I', v_policy.table_name, v_old.partition_name);
          execute format('drop table relaypg.%I', v_old.partition_name);
          action := 'dropped';
          partition_name := v_old.partition_name;
        exception when lock_not_available then
          action := 'busy';
          partition_name := v_old.partition_name;
        end;
        return next;
      end loop;
    end if;
  end loop;
end
$$;
comment on function api.maintain_partitions(timestamptz, timestamptz) is
  'Creates the partitions of every usage table from p_from (default p_now) to premake steps past p_now, and drops those whose range ended before the retention (measured from the earlier of p_now and now); returns what it did (busy: a lock not had within 500 ms, left to the next run). RVINV.';
grant execute on function api.maintain_partitions(timestamptz, timestamptz) to :DATABASE_APP_USER;

select api.maintain_partitions();

-- ---------------------------------------------------------------------------
-- Concurrency leases: one row per request in flight for a key with a
-- concurrency limit, taken by api.admit_request and ended by the request's
-- recording (or api.release_lease). A lease whose holder died ends by itself
-- at expires_at (never counted after it; purged by maintenance).
-- ---------------------------------------------------------------------------
create table relaypg.concurrency_leases (
  request_id  text primary key,
  api_key_id  uuid not null,
  acquired_at timestamptz not null default now(),
  expires_at  timestamptz not null,
  constraint concurrency_leases_request_id_is_sane check (char_length(request_id) between 1 and 128)
);
comment on table relaypg.concurrency_leases is 'Requests in flight of keys with a concurrency limit (CRS concurrency:{keyId}); a lease ends at recording, on release, or at expires_at.';
create index concurrency_leases_api_key_id_expires_at_idx on relaypg.concurrency_leases (api_key_id, expires_at);
create index concurrency_leases_expires_at_idx on relaypg.concurrency_leases (expires_at);

create function api.release_lease(p_request_id text)
returns boolean
language sql
volatile
security definer
set search_path = ''
as $$
  with d as (delete from relaypg.concurrency_leases l where l.request_id = p_request_id returning 1)
  select exists (select from d);
$$;
comment on function api.release_lease(text) is 'Ends the concurrency lease of a request that will not be recorded (failed upstream, client gone); true when there was one.';
grant execute on function api.release_lease(text) to :DATABASE_APP_USER;

create function api.purge_expired_leases()
returns bigint
language sql
volatile
security definer
set search_path = ''
as $$
  with d as (delete from relaypg.concurrency_leases l where l.expires_at <= now() returning 1)
  select count(*) from d;
$$;
comment on function api.purge_expired_leases() is 'Deletes concurrency leases past their expiry (never counted anyway); returns how many.';
grant execute on function api.purge_expired_leases() to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- Recording. An event is a JSON object (camelCase, as the service sends it):
--   requestId (required), occurredAt (ISO instant, default now), apiKeyId
--   (required), accountId, accountKind, model (as sent upstream, required),
--   inputTokens, outputTokens, cacheCreationTokens, cacheCreation5mTokens,
--   cacheCreation1hTokens (the split, when the upstream reported it),
--   cacheReadTokens, stream, status, durationMs, costPath (details | plain,
--   CRS's two cost paths; default details).
-- ---------------------------------------------------------------------------
create type api.usage_record_result as (
  request_id  text,
  recorded    boolean,
  occurred_at timestamptz,
  cost        numeric
);
comment on type api.usage_record_result is 'One event of api.record_usage: recorded = false when its request id was recorded before (a no-op).';

-- An ISO 8601 instant with its offset that timestamptz input accepts (no
-- 2025-02-30, no hour 24): checked before the cast, which would raise 22008.
create function relaypg.is_iso_instant(p_text text)
returns boolean
language plpgsql
immutable
-- No SET clause (every name is built in): it runs per event.
as $$
declare
  v_m text[] := regexp_match(p_text, '^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:(\d{2})(\.\d{1,6})?)?(Z|[+-](\d{2})(:?(\d{2}))?)$');
begin
  if v_m is null then
    return false;
  end if;
  if v_m[1]::integer < 1 or v_m[2]::integer not between 1 and 12 or v_m[3]::integer < 1 or v_m[4]::integer > 23
     or v_m[5]::integer > 59 or coalesce(v_m[7]::integer, 0) > 59 or coalesce(v_m[10]::integer, 0) > 15
     or coalesce(v_m[12]::integer, 0) > 59 then
    return false;
  end if;
  return v_m[3]::integer <= extract(day from make_date(v_m[1]::integer, v_m[2]::integer, 1) + interval '1 month - 1 day');
end
$$;
comment on function relaypg.is_iso_instant(text) is 'Whether a text is an ISO 8601 instant with an offset (Z or +hh[:mm]) naming a real date and time.';

-- RVINV naming events[i].field for the first malformed field of a batch.
create function relaypg.check_usage_events(p_events jsonb)
returns void
language plpgsql
-- Stable, not immutable: an instant is checked against now().
stable
-- No SET clause (every name is qualified or built in): it runs on every recording.
as $$
declare
  v_bad record;
begin
  if p_events is null or jsonb_typeof(p_events) <> 'array' then
    perform relaypg.raise_invalid('events', 'must be a JSON array of usage events');
  end if;
  if jsonb_array_length(p_events) > 5000 then
    perform relaypg.raise_invalid('events', 'at most 5000 events per call');
  end if;
  -- One pass, one CASE per event: the first malformed field of the event (a
  -- lateral union per field cost three times as much on every call).
  select e.ord - 1 as i, b.bad[1] as name, b.bad[2] as problem into v_bad
    from jsonb_array_elements(p_events) with ordinality e(v, ord)
    cross join lateral (select case
      when jsonb_typeof(e.v) <> 'object' then array['event', 'must be an object']
      when jsonb_typeof(e.v -> 'requestId') is distinct from 'string' or char_length(e.v ->> 'requestId') not between 1 and 128
        then array['requestId', 'must be a string of 1 to 128 characters']
      when jsonb_typeof(e.v -> 'apiKeyId') is distinct from 'string' or (e.v ->> 'apiKeyId') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        then array['apiKeyId', 'must be a UUID']
      when jsonb_typeof(e.v -> 'accountId') not in ('null')
           and (jsonb_typeof(e.v -> 'accountId') <> 'string' or (e.v ->> 'accountId') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
        then array['accountId', 'must be a UUID or null']
      when jsonb_typeof(e.v -> 'accountKind') not in ('null')
           and not coalesce((e.v ->> 'accountKind') = any (array['claude-official', 'claude-console', 'ccr', 'bedrock', 'gemini', 'openai',
                                                                 'openai-responses', 'azure-openai']), false)
        then array['accountKind', 'must be an account kind (claude-official, claude-console, ccr, bedrock, gemini, openai, openai-responses, azure-openai) or null']
      when jsonb_typeof(e.v -> 'model') is distinct from 'string' or char_length(e.v ->> 'model') not between 1 and 200
        then array['model', 'must be a string of 1 to 200 characters']
      when jsonb_typeof(e.v -> 'occurredAt') not in ('null')
           and (jsonb_typeof(e.v -> 'occurredAt') <> 'string' or not relaypg.is_iso_instant(e.v ->> 'occurredAt'))
        then array['occurredAt', 'must be an ISO 8601 instant with its offset (e.g. 2025-09-16T04:00:00.000Z)']
      -- A clock running ahead would file events on days still to come (the
      -- cast is safe: the branch above let only real instants through).
      when jsonb_typeof(e.v -> 'occurredAt') = 'string' and (e.v ->> 'occurredAt')::timestamptz > now() + interval '5 minutes'
        then array['occurredAt', 'must not be more than 5 minutes ahead of the database''s clock']
      when jsonb_typeof(e.v -> 'stream') not in ('boolean', 'null') then array['stream', 'must be a boolean or null']
      when jsonb_typeof(e.v -> 'costPath') not in ('null') and not coalesce((e.v ->> 'costPath') in ('details', 'plain'), false)
        then array['costPath', 'must be details or plain']
      when jsonb_typeof(e.v -> 'status') not in ('null')
           and (jsonb_typeof(e.v -> 'status') <> 'number' or (e.v ->> 'status') !~ '^[1-5][0-9][0-9]$')
        then array['status', 'must be an HTTP status (100 to 599)']
      -- At most 10^12 tokens of a class per request: 5000 of them cannot overflow a bigint sum.
      when jsonb_typeof(e.v -> 'inputTokens') not in ('null')
           and (jsonb_typeof(e.v -> 'inputTokens') <> 'number' or (e.v ->> 'inputTokens') !~ '^\d{1,13}$' or (e.v ->> 'inputTokens')::numeric > 1000000000000)
        then array['inputTokens', 'must be a whole number from 0 to 1000000000000']
      when jsonb_typeof(e.v -> 'outputTokens') not in ('null')
           and (jsonb_typeof(e.v -> 'outputTokens') <> 'number' or (e.v ->> 'outputTokens') !~ '^\d{1,13}$' or (e.v ->> 'outputTokens')::numeric > 1000000000000)
        then array['outputTokens', 'must be a whole number from 0 to 1000000000000']
      when jsonb_typeof(e.v -> 'cacheCreationTokens') not in ('null')
           and (jsonb_typeof(e.v -> 'cacheCreationTokens') <> 'number' or (e.v ->> 'cacheCreationTokens') !~ '^\d{1,13}$' or (e.v ->> 'cacheCreationTokens')::numeric > 1000000000000)
        then array['cacheCreationTokens', 'must be a whole number from 0 to 1000000000000']
      when jsonb_typeof(e.v -> 'cacheCreation5mTokens') not in ('null')
           and (jsonb_typeof(e.v -> 'cacheCreation5mTokens') <> 'number' or (e.v ->> 'cacheCreation5mTokens') !~ '^\d{1,13}$' or (e.v ->> 'cacheCreation5mTokens')::numeric > 1000000000000)
        then array['cacheCreation5mTokens', 'must be a whole number from 0 to 1000000000000']
      when jsonb_typeof(e.v -> 'cacheCreation1hTokens') not in ('null')
           and (jsonb_typeof(e.v -> 'cacheCreation1hTokens') <> 'number' or (e.v ->> 'cacheCreation1hTokens') !~ '^\d{1,13}$' or (e.v ->> 'cacheCreation1hTokens')::numeric > 1000000000000)
        then array['cacheCreation1hTokens', 'must be a whole number from 0 to 1000000000000']
      when jsonb_typeof(e.v -> 'cacheReadTokens') not in ('null')
           and (jsonb_typeof(e.v -> 'cacheReadTokens') <> 'number' or (e.v ->> 'cacheReadTokens') !~ '^\d{1,13}$' or (e.v ->> 'cacheReadTokens')::numeric > 1000000000000)
        then array['cacheReadTokens', 'must be a whole number from 0 to 1000000000000']
      when jsonb_typeof(e.v -> 'durationMs') not in ('null')
           and (jsonb_typeof(e.v -> 'durationMs') <> 'number' or (e.v ->> 'durationMs') !~ '^\d{1,10}$'
                or (e.v ->> 'durationMs')::bigint > 2147483647)
        then array['durationMs', 'must be a whole number of milliseconds from 0 to 2147483647']
      when jsonb_typeof(e.v -> 'cacheCreationTokens') = 'number'
           and coalesce((e.v ->> 'cacheCreationTokens')::numeric, 0)
               < coalesce((e.v ->> 'cacheCreation5mTokens')::numeric, 0) + coalesce((e.v ->> 'cacheCreation1hTokens')::numeric, 0)
        then array['cacheCreationTokens', 'must be at least cacheCreation5mTokens + cacheCreation1hTokens']
      end as bad) b
   where b.bad is not null
   order by e.ord
   limit 1;
  if found then
    perform relaypg.raise_invalid(format('events[%s].%s', v_bad.i, v_bad.name), v_bad.problem);
  end if;
end
$$;
comment on function relaypg.check_usage_events(jsonb) is 'RVINV naming events[i].field for the first malformed field of a batch of usage events (at most 5000).';

create function api.record_usage(p_events jsonb)
returns setof api.usage_record_result
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_zone text := relaypg.usage_time_zone();
begin
  perform relaypg.check_usage_events(p_events);
  -- One request id at a time across every caller: each id locks one of 512
  -- advisory buckets (a bounded number per batch, so big batches cannot fill
  -- the lock table), in sorted order so that two batches cannot deadlock. The
  -- probe below, a new statement and so a new snapshot, then sees any
  -- earlier recording of the same id.
  perform pg_advisory_xact_lock(hashtext('relaypg.usage_event'), s.bucket)
     from (select distinct (hashtextextended(e ->> 'requestId', 0) & 511)::integer as bucket
             from jsonb_array_elements(p_events) e order by 1) s;
  -- The keys' ledger rows are locked first, in key order, as api.admit_request
  -- locks them (then leases and days): the same order everywhere, no deadlock.
  -- (A key's first row is created by the statement below, in key order too.)
  perform 1 from relaypg.api_key_usage u
   where u.api_key_id = any (array(select (e ->> 'apiKeyId')::uuid from jsonb_array_elements(p_events) e))
   order by u.api_key_id
     for update;
  -- Only a model met for the first time costs the fuzzy match (and a write).
  if exists (select from jsonb_array_elements(p_events) e
              where not exists (select from relaypg.model_price_keys k where k.model = e ->> 'model')) then
    perform relaypg.remember_price_keys(array(select e ->> 'model' from jsonb_array_elements(p_events) e));
  end if;
  return query
  with input as (
    -- The first event of a request id in the batch wins, as a retry would.
    select distinct on (x."requestId")
           x.ord, x."requestId" as request_id, coalesce(x."occurredAt", now()) as occurred_at, x."apiKeyId" as api_key_id,
           x."accountId" as account_id, x."accountKind" as account_kind, x.model,
           coalesce(x."inputTokens", 0) as input_tokens, coalesce(x."outputTokens", 0) as output_tokens,
           greatest(coalesce(x."cacheCreationTokens", 0),
                    coalesce(x."cacheCreation5mTokens", 0) + coalesce(x."cacheCreation1hTokens", 0)) as cache_create_tokens,
           (x."cacheCreation5mTokens" is not null or x."cacheCreation1hTokens" is not null) as cache_split,
           coalesce(x."cacheCreation5mTokens", 0) as cache_5m, coalesce(x."cacheCreation1hTokens", 0) as cache_1h,
           coalesce(x."cacheReadTokens", 0) as cache_read_tokens, x.stream, coalesce(x.status, 200) as status,
           x."durationMs" as duration_ms, coalesce(x."costPath", 'details') as cost_path
      -- One call over the whole array (the planner then expects many rows, not one per element).
      from rows from (jsonb_to_recordset(p_events) as (
        "requestId" text, "occurredAt" timestamptz, "apiKeyId" uuid, "accountId" uuid, "accountKind" text, model text,
        "inputTokens" bigint, "outputTokens" bigint, "cacheCreationTokens" bigint, "cacheCreation5mTokens" bigint,
        "cacheCreation1hTokens" bigint, "cacheReadTokens" bigint, stream boolean, status integer, "durationMs" integer,
        "costPath" text)) with ordinality as x(
        "requestId", "occurredAt", "apiKeyId", "accountId", "accountKind", model, "inputTokens", "outputTokens",
        "cacheCreationTokens", "cacheCreation5mTokens", "cacheCreation1hTokens", "cacheReadTokens", stream, status,
        "durationMs", "costPath", ord)
     order by x."requestId", x.ord
  ),
  fresh as (
    select i.* from input i
     where not exists (select from relaypg.usage_events u where u.request_id = i.request_id)
       and not exists (select from relaypg.api_key_usage b
                        where b.api_key_id = i.api_key_id and b.baseline_cut_off >= i.occurred_at)
  ),
  priced as (
    select f.*, relaypg.normalise_model(f.model) as normalised_model, c.price_key, c.long_context,
           c.input as cost_input, c.output as cost_output, c.cache_create as cost_cache_create,
           c.cache_read as cost_cache_read, c.total as cost_total
      from fresh f
      cross join lateral api.price_request(f.model, f.input_tokens, f.output_tokens, f.cache_create_tokens, f.cache_5m,
                                           f.cache_1h, f.cache_read_tokens, f.cache_split, f.cost_path) c
  ),
  inserted as (
    insert into relaypg.usage_events (
      request_id, occurred_at, api_key_id, account_id, account_kind, requested_model, model, input_tokens, output_tokens,
      cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens, cache_read_tokens, long_context, stream, status,
      duration_ms, cost_path, price_key, cost_input, cost_output, cost_cache_create, cost_cache_read, cost_total, opus_cost)
    select p.request_id, p.occurred_at, p.api_key_id, p.account_id, p.account_kind, p.model, p.normalised_model,
           p.input_tokens, p.output_tokens, p.cache_create_tokens,
           -- Without a split every cache write counts as a 5-minute one (as CRS prices it).
           case when p.cache_split then p.cache_5m else p.cache_create_tokens end, p.cache_1h,
           p.cache_read_tokens, p.long_context, p.stream, p.status, p.duration_ms, p.cost_path, p.price_key,
           p.cost_input, p.cost_output, p.cost_cache_create, p.cost_cache_read, p.cost_total,
           -- The weekly Opus limit counts Opus served by Claude accounts (CRS's rule,
           -- without its omission of non-streaming requests).
           case when strpos(p.normalised_model, 'claude-opus') > 0
                     and p.account_kind in ('claude-official', 'claude-console', 'ccr') then p.cost_total else 0 end
      from priced p
    returning *
  ),
  per_key as (
    insert into relaypg.api_key_usage as t (
      api_key_id, requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens,
      cache_read_tokens, long_context_requests, long_context_input_tokens, long_context_output_tokens, cost, opus_cost,
      first_used_at, last_used_at)
    select i.api_key_id, count(*), sum(i.input_tokens), sum(i.output_tokens), sum(i.cache_create_tokens),
           sum(i.cache_create_5m_tokens), sum(i.cache_create_1h_tokens), sum(i.cache_read_tokens),
           count(*) filter (where i.long_context),
           coalesce(sum(i.input_tokens) filter (where i.long_context), 0), coalesce(sum(i.output_tokens) filter (where i.long_context), 0),
           sum(i.cost_total), sum(i.opus_cost), min(i.occurred_at), max(i.occurred_at)
      from inserted i
     group by i.api_key_id
     -- Rows locked in key order: concurrent batches cannot deadlock.
     order by i.api_key_id
    on conflict (api_key_id) do update set
      requests = t.requests + excluded.requests,
      input_tokens = t.input_tokens + excluded.input_tokens,
      output_tokens = t.output_tokens + excluded.output_tokens,
      cache_create_tokens = t.cache_create_tokens + excluded.cache_create_tokens,
      cache_create_5m_tokens = t.cache_create_5m_tokens + excluded.cache_create_5m_tokens,
      cache_create_1h_tokens = t.cache_create_1h_tokens + excluded.cache_create_1h_tokens,
      cache_read_tokens = t.cache_read_tokens + excluded.cache_read_tokens,
      long_context_requests = t.long_context_requests + excluded.long_context_requests,
      long_context_input_tokens = t.long_context_input_tokens + excluded.long_context_input_tokens,
      long_context_output_tokens = t.long_context_output_tokens + excluded.long_context_output_tokens,
      cost = t.cost + excluded.cost,
      opus_cost = t.opus_cost + excluded.opus_cost,
      first_used_at = least(t.first_used_at, excluded.first_used_at),
      last_used_at = greatest(t.last_used_at, excluded.last_used_at),
      -- Tokens and cost of requests that finish while the key's rate-limit window is open.
      window_tokens = t.window_tokens + case when t.window_ends_at > now() then
        excluded.input_tokens + excluded.output_tokens + excluded.cache_create_tokens + excluded.cache_read_tokens else 0 end,
      window_cost = t.window_cost + case when t.window_ends_at > now() then excluded.cost else 0 end
    returning 1
  ),
  released as (
    -- The request is over: its concurrency lease ends (recording is the release).
    delete from relaypg.concurrency_leases l using input i where l.request_id = i.request_id
    returning 1
  ),
  per_day as (
    insert into relaypg.api_key_daily_usage as t (
      api_key_id, day, requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens,
      cache_create_1h_tokens, cache_read_tokens, long_context_requests, cost, opus_cost)
    select i.api_key_id, (i.occurred_at at time zone v_zone)::date, count(*), sum(i.input_tokens), sum(i.output_tokens),
           sum(i.cache_create_tokens), sum(i.cache_create_5m_tokens), sum(i.cache_create_1h_tokens), sum(i.cache_read_tokens),
           count(*) filter (where i.long_context), sum(i.cost_total), sum(i.opus_cost)
      from inserted i
     group by 1, 2
     order by 1, 2
    on conflict (api_key_id, day) do update set
      requests = t.requests + excluded.requests,
      input_tokens = t.input_tokens + excluded.input_tokens,
      output_tokens = t.output_tokens + excluded.output_tokens,
      cache_create_tokens = t.cache_create_tokens + excluded.cache_create_tokens,
      cache_create_5m_tokens = t.cache_create_5m_tokens + excluded.cache_create_5m_tokens,
      cache_create_1h_tokens = t.cache_create_1h_tokens + excluded.cache_create_1h_tokens,
      cache_read_tokens = t.cache_read_tokens + excluded.cache_read_tokens,
      long_context_requests = t.long_context_requests + excluded.long_context_requests,
      cost = t.cost + excluded.cost,
      opus_cost = t.opus_cost + excluded.opus_cost
    returning 1
  )
  select i.request_id, (n.request_id is not null), coalesce(n.occurred_at, i.occurred_at), n.cost_total
    from input i
    left join inserted n on n.request_id = i.request_id
   -- per_key, per_day and released run whatever this select reads.
   order by i.ord;
end
$$;
comment on function api.record_usage(jsonb) is
  'Records a batch of usage events (a JSON array, at most 5000) in one statement: prices each, appends it, adds it to its key''s ledger and ends its concurrency lease; an event whose request id was recorded before, or that occurred before its key''s CRS import cut-off, is a no-op (recorded = false). One result per request id, in input order (a repeated id within the batch counts once). RVINV.';
grant execute on function api.record_usage(jsonb) to :DATABASE_APP_USER;

-- The statement that adds rows to a rollup grain ('hour', 'day', 'month'):
-- p_select yields (bucket, scope, scope_id, model, requests, input_tokens,
-- output_tokens, cache_create_tokens, cache_create_5m_tokens,
-- cache_create_1h_tokens, cache_read_tokens, long_context_requests, cost),
-- added to the counters of rows that exist. Shared by the roll-up and the
-- CRS import, so that both add alike.
create function relaypg.rollup_upsert_sql(p_grain text, p_select text)
returns text
language sql
immutable
set search_path = ''
as $$
  select format(
    'insert into relaypg.%I as t (bucket, scope, scope_id, model, requests, input_tokens, output_tokens, cache_create_tokens,
                                  cache_create_5m_tokens, cache_create_1h_tokens, cache_read_tokens, long_context_requests, cost)
     %s
     on conflict (scope, scope_id, bucket, model) do update set
       requests = t.requests + excluded.requests, input_tokens = t.input_tokens + excluded.input_tokens,
       output_tokens = t.output_tokens + excluded.output_tokens, cache_create_tokens = t.cache_create_tokens + excluded.cache_create_tokens,
       cache_create_5m_tokens = t.cache_create_5m_tokens + excluded.cache_create_5m_tokens,
       cache_create_1h_tokens = t.cache_create_1h_tokens + excluded.cache_create_1h_tokens,
       cache_read_tokens = t.cache_read_tokens + excluded.cache_read_tokens,
       long_context_requests = t.long_context_requests + excluded.long_context_requests, cost = t.cost + excluded.cost',
    case p_grain when 'hour' then 'usage_rollups_hourly' when 'day' then 'usage_rollups_daily' when 'month' then 'usage_rollups_monthly' end,
    p_select);
$$;
comment on function relaypg.rollup_upsert_sql(text, text) is 'The INSERT ... ON CONFLICT that adds the rows of a query to a rollup grain (hour, day, month).';

-- ---------------------------------------------------------------------------
-- Rollups from events, on a watermark of snapshots: each run adds the events
-- of the transactions that its snapshot sees as committed and the previous
-- run's did not, then keeps its snapshot for the next run. No event is
-- counted twice or missed, whatever order transactions commit in, and a long
-- transaction elsewhere delays only its own events. The lag is the run
-- interval (pg_cron: every minute).
-- ---------------------------------------------------------------------------
create function api.roll_up_usage()
returns table (ran boolean, events bigint)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_current pg_snapshot;
  v_previous pg_snapshot;
  v_watermark relaypg.usage_rollup_watermark;
  v_cluster constant bigint := (pg_catalog.pg_control_system()).system_identifier;
  v_zone text := relaypg.usage_time_zone();
  v_grain text;
begin
  if not pg_try_advisory_xact_lock(hashtext('relaypg.roll_up_usage')) then
    ran := false;
    events := 0;
    return next;
    return;
  end if;
  ran := true;
  select w.* into v_watermark from relaypg.usage_rollup_watermark w for update;
  -- Taken after the lock and the watermark: never older than the watermark.
  v_current := pg_current_snapshot();
  v_previous := v_watermark.snapshot;
  if v_watermark.cluster_id is distinct from v_cluster then
    -- A dump restored into another cluster: its events' ids are the old
    -- cluster's. Those the watermark had counted, and recorded before its
    -- run, become '1' (seen by every snapshot); every other event (pending
    -- at the dump, or recorded here since) '3', which the new watermark
    -- '3:3:' has not seen and every snapshot here has: it is counted now.
    raise notice 'usage roll-up: the watermark comes from another cluster (a restored dump); re-basing the events'' transaction ids';
    update relaypg.usage_events e
       set recorded_xid = case when pg_visible_in_snapshot(e.recorded_xid, v_previous) and e.recorded_at <= v_watermark.rolled_at
                               then '1'::xid8 else '3'::xid8 end;
    v_previous := '3:3:'::pg_snapshot;
  end if;
  -- The new events, once; then their sums into each grain.
  create temporary table pg_temp.usage_rollup_events on commit drop as
  select s.scope, s.scope_id, e.model, e.occurred_at, e.input_tokens, e.output_tokens, e.cache_create_tokens,
         e.cache_create_5m_tokens, e.cache_create_1h_tokens, e.cache_read_tokens, e.long_context, e.cost_total
    from relaypg.usage_events e
    cross join lateral (values ('key', e.api_key_id::text), ('account', e.account_id::text), ('all', '')) s(scope, scope_id)
   -- Every transaction below the previous xmin had ended then: the index range starts there.
   where e.recorded_xid >= pg_snapshot_xmin(v_previous)
     and pg_visible_in_snapshot(e.recorded_xid, v_current) and not pg_visible_in_snapshot(e.recorded_xid, v_previous)
     and s.scope_id is not null;
  select count(*) filter (where r.scope = 'all') into events from pg_temp.usage_rollup_events r;
  foreach v_grain in array array['hour', 'day', 'month'] loop
    execute relaypg.rollup_upsert_sql(v_grain, format(
      'select %s, r.scope, r.scope_id, r.model, count(*), sum(r.input_tokens), sum(r.output_tokens), sum(r.cache_create_tokens),
              sum(r.cache_create_5m_tokens), sum(r.cache_create_1h_tokens), sum(r.cache_read_tokens),
              count(*) filter (where r.long_context), sum(r.cost_total)
         from pg_temp.usage_rollup_events r group by 1, 2, 3, 4',
      case v_grain
        when 'hour' then 'date_trunc(''hour'', r.occurred_at, ''UTC'')'
        when 'day' then format('(r.occurred_at at time zone %L)::date', v_zone)
        else format('date_trunc(''month'', r.occurred_at at time zone %L)::date', v_zone) end));
  end loop;
  drop table pg_temp.usage_rollup_events;
  update relaypg.usage_rollup_watermark set snapshot = v_current, cluster_id = v_cluster, rolled_at = now();
  return next;
end
$$;
comment on function api.roll_up_usage() is
  'Adds the events of every transaction committed since the last run''s snapshot to the hourly, daily and monthly rollups (by key, account and all, per model) and keeps its snapshot; ran=false when another run holds the lock.';
grant execute on function api.roll_up_usage() to :DATABASE_APP_USER;

-- Periodic maintenance, as in 000002 plus the usage work: partitions and rollups.
create function api.run_maintenance()
returns table (ran boolean, sticky_sessions bigint, oauth_sessions bigint, leases bigint, partitions_created bigint,
               partitions_dropped bigint, events_rolled_up bigint)
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  -- Transaction-scoped: released at commit, never leaked by a dead session.
  if not pg_try_advisory_xact_lock(hashtext('relaypg.run_maintenance')) then
    ran := false;
    sticky_sessions := 0;
    oauth_sessions := 0;
    leases := 0;
    partitions_created := 0;
    partitions_dropped := 0;
    events_rolled_up := 0;
    return next;
    return;
  end if;
  ran := true;
  select p.sticky_sessions, p.oauth_sessions into sticky_sessions, oauth_sessions from api.purge_expired_sessions() p;
  leases := api.purge_expired_leases();
  select r.events into events_rolled_up from api.roll_up_usage() r;
  -- Last: a partition change locks its table until this transaction ends.
  select count(*) filter (where m.action = 'created'), count(*) filter (where m.action = 'dropped')
    into partitions_created, partitions_dropped from api.maintain_partitions() m;
  return next;
end
$$;
comment on function api.run_maintenance() is
  'Periodic maintenance under an advisory lock: purge expired sessions and concurrency leases, keep usage partitions (create ahead, drop past retention), roll usage up; ran=false when another run holds it.';
grant execute on function api.run_maintenance() to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- Statistics. Figures share one shape: request and token counts by class
-- (all_tokens = input + output + cache writes + cache reads, CRS's allTokens)
-- and cost in USD.
-- ---------------------------------------------------------------------------

-- A key's figures from its ledger (exact as soon as a request is recorded):
-- lifetime, today, this ISO week (Monday to Sunday) and this month, local
-- to the usage time zone, at p_at.
create function api.key_usage(p_key_id uuid, p_at timestamptz default now())
returns table (period text, requests bigint, input_tokens bigint, output_tokens bigint, cache_create_tokens bigint,
               cache_create_5m_tokens bigint, cache_create_1h_tokens bigint, cache_read_tokens bigint, all_tokens bigint,
               long_context_requests bigint, cost numeric, opus_cost numeric)
-- PL/pgSQL: its plan is kept per session (a SQL function with a SET clause
-- is planned again on every call).
language plpgsql
stable
security definer
set search_path = ''
as $$
#variable_conflict use_column
begin
  return query
  with today as (select (coalesce(p_at, now()) at time zone relaypg.usage_time_zone())::date as day),
  periods as (
    select 'today' as period, t.day as first_day, t.day as last_day from today t
    union all select 'week', date_trunc('week', t.day)::date, (date_trunc('week', t.day) + interval '6 days')::date from today t
    union all select 'month', date_trunc('month', t.day)::date, (date_trunc('month', t.day) + interval '1 month - 1 day')::date from today t
  )
  select p.period, coalesce(sum(d.requests), 0)::bigint, coalesce(sum(d.input_tokens), 0)::bigint,
         coalesce(sum(d.output_tokens), 0)::bigint, coalesce(sum(d.cache_create_tokens), 0)::bigint,
         coalesce(sum(d.cache_create_5m_tokens), 0)::bigint, coalesce(sum(d.cache_create_1h_tokens), 0)::bigint,
         coalesce(sum(d.cache_read_tokens), 0)::bigint,
         coalesce(sum(d.input_tokens + d.output_tokens + d.cache_create_tokens + d.cache_read_tokens), 0)::bigint,
         coalesce(sum(d.long_context_requests), 0)::bigint, coalesce(sum(d.cost), 0), coalesce(sum(d.opus_cost), 0)
    from periods p
    left join relaypg.api_key_daily_usage d on d.api_key_id = p_key_id and d.day between p.first_day and p.last_day
   group by p.period
  union all
  -- Lifetime: the running totals, less the local days after p_at's (a CRS
  -- baseline counts in the totals though its old days are gone).
  select 'total', (u.requests - l.requests)::bigint, (u.input_tokens - l.input_tokens)::bigint,
         (u.output_tokens - l.output_tokens)::bigint, (u.cache_create_tokens - l.cache_create_tokens)::bigint,
         (u.cache_create_5m_tokens - l.cache_create_5m_tokens)::bigint, (u.cache_create_1h_tokens - l.cache_create_1h_tokens)::bigint,
         (u.cache_read_tokens - l.cache_read_tokens)::bigint,
         (u.input_tokens + u.output_tokens + u.cache_create_tokens + u.cache_read_tokens
          - l.input_tokens - l.output_tokens - l.cache_create_tokens - l.cache_read_tokens)::bigint,
         (u.long_context_requests - l.long_context_requests)::bigint, u.cost - l.cost, u.opus_cost - l.opus_cost
    from (select coalesce(sum(x.requests), 0) as requests, coalesce(sum(x.input_tokens), 0) as input_tokens,
                 coalesce(sum(x.output_tokens), 0) as output_tokens, coalesce(sum(x.cache_create_tokens), 0) as cache_create_tokens,
                 coalesce(sum(x.cache_create_5m_tokens), 0) as cache_create_5m_tokens,
                 coalesce(sum(x.cache_create_1h_tokens), 0) as cache_create_1h_tokens,
                 coalesce(sum(x.cache_read_tokens), 0) as cache_read_tokens,
                 coalesce(sum(x.long_context_requests), 0) as long_context_requests,
                 coalesce(sum(x.cost), 0) as cost, coalesce(sum(x.opus_cost), 0) as opus_cost
            from relaypg.api_key_usage x where x.api_key_id = p_key_id) u
   cross join (select coalesce(sum(d.requests), 0) as requests, coalesce(sum(d.input_tokens), 0) as input_tokens,
                      coalesce(sum(d.output_tokens), 0) as output_tokens, coalesce(sum(d.cache_create_tokens), 0) as cache_create_tokens,
                      coalesce(sum(d.cache_create_5m_tokens), 0) as cache_create_5m_tokens,
                      coalesce(sum(d.cache_create_1h_tokens), 0) as cache_create_1h_tokens,
                      coalesce(sum(d.cache_read_tokens), 0) as cache_read_tokens,
                      coalesce(sum(d.long_context_requests), 0) as long_context_requests,
                      coalesce(sum(d.cost), 0) as cost, coalesce(sum(d.opus_cost), 0) as opus_cost
                 from relaypg.api_key_daily_usage d
                where d.api_key_id = p_key_id and d.day > (select t.day from today t)) l;
end
$$;
comment on function api.key_usage(uuid, timestamptz) is
  'A key''s usage from its ledger, exact: periods total, today, week (ISO, Monday first) and month in the usage time zone at p_at (total as of a past p_at: whole local days up to its own).';
grant execute on function api.key_usage(uuid, timestamptz) to :DATABASE_APP_USER;

-- Totals of a scope from the rollups (as of the last api.roll_up_usage):
-- lifetime (monthly rollups), today and this month (local, usage time zone,
-- at p_at). scope: 'account' (scope_id = account id), 'key' (key id) or
-- 'all' (scope_id '').
create function api.usage_totals(p_scope text, p_scope_id text, p_at timestamptz default now())
returns table (period text, requests bigint, input_tokens bigint, output_tokens bigint, cache_create_tokens bigint,
               cache_create_5m_tokens bigint, cache_create_1h_tokens bigint, cache_read_tokens bigint, all_tokens bigint,
               long_context_requests bigint, cost numeric)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_today date := (coalesce(p_at, now()) at time zone relaypg.usage_time_zone())::date;
begin
  if p_scope is null or p_scope not in ('key', 'account', 'all') then
    perform relaypg.raise_invalid('scope', 'must be key, account or all');
  end if;
  return query
  with r as (
    select 'total' as period, m.requests, m.input_tokens, m.output_tokens, m.cache_create_tokens, m.cache_create_5m_tokens,
           m.cache_create_1h_tokens, m.cache_read_tokens, m.long_context_requests, m.cost
      from relaypg.usage_rollups_monthly m
     where m.scope = p_scope and m.scope_id = lower(coalesce(p_scope_id, '')) and m.bucket <= date_trunc('month', v_today)::date
    union all
    -- What a CRS lifetime holds beyond the months imported for it (older traffic).
    select 'total', greatest(l.requests - coalesce(i.requests, 0), 0), greatest(l.input_tokens - coalesce(i.input_tokens, 0), 0),
           greatest(l.output_tokens - coalesce(i.output_tokens, 0), 0),
           greatest(l.cache_create_tokens - coalesce(i.cache_create_tokens, 0), 0),
           greatest(l.cache_create_5m_tokens - coalesce(i.cache_create_5m_tokens, 0), 0),
           greatest(l.cache_create_1h_tokens - coalesce(i.cache_create_1h_tokens, 0), 0),
           greatest(l.cache_read_tokens - coalesce(i.cache_read_tokens, 0), 0),
           greatest(l.long_context_requests - coalesce(i.long_context_requests, 0), 0), 0
      from relaypg.crs_lifetime_baselines l
      left join relaypg.crs_lifetime_baselines i on i.scope = l.scope and i.scope_id = l.scope_id and i.part = 'months'
     where l.scope = p_scope and l.scope_id = lower(coalesce(p_scope_id, '')) and l.part = 'lifetime'
    union all
    select 'month', m.requests, m.input_tokens, m.output_tokens, m.cache_create_tokens, m.cache_create_5m_tokens,
           m.cache_create_1h_tokens, m.cache_read_tokens, m.long_context_requests, m.cost
      from relaypg.usage_rollups_monthly m
     where m.scope = p_scope and m.scope_id = lower(coalesce(p_scope_id, '')) and m.bucket = date_trunc('month', v_today)::date
    union all
    select 'today', d.requests, d.input_tokens, d.output_tokens, d.cache_create_tokens, d.cache_create_5m_tokens,
           d.cache_create_1h_tokens, d.cache_read_tokens, d.long_context_requests, d.cost
      from relaypg.usage_rollups_daily d
     where d.scope = p_scope and d.scope_id = lower(coalesce(p_scope_id, '')) and d.bucket = v_today
  )
  select p.period, coalesce(sum(r.requests), 0)::bigint, coalesce(sum(r.input_tokens), 0)::bigint,
         coalesce(sum(r.output_tokens), 0)::bigint, coalesce(sum(r.cache_create_tokens), 0)::bigint,
         coalesce(sum(r.cache_create_5m_tokens), 0)::bigint, coalesce(sum(r.cache_create_1h_tokens), 0)::bigint,
         coalesce(sum(r.cache_read_tokens), 0)::bigint,
         coalesce(sum(r.input_tokens + r.output_tokens + r.cache_create_tokens + r.cache_read_tokens), 0)::bigint,
         coalesce(sum(r.long_context_requests), 0)::bigint, coalesce(sum(r.cost), 0)
    from (values ('total'), ('today'), ('month')) p(period)
    left join r on r.period = p.period
   group by p.period
   order by p.period;
end
$$;
comment on function api.usage_totals(text, text, timestamptz) is
  'Usage of a key, an account or the whole service (scope all) from the rollups: periods total, today and month in the usage time zone at p_at. RVINV.';
grant execute on function api.usage_totals(text, text, timestamptz) to :DATABASE_APP_USER;

-- Usage per model and bucket of a scope over local days [p_from, p_to]:
-- grain 'hour' (UTC hours of those days), 'day' or 'month'.
create function api.usage_by_model(p_scope text, p_scope_id text, p_grain text, p_from date, p_to date)
returns table (bucket timestamptz, model text, requests bigint, input_tokens bigint, output_tokens bigint,
               cache_create_tokens bigint, cache_create_5m_tokens bigint, cache_create_1h_tokens bigint,
               cache_read_tokens bigint, all_tokens bigint, long_context_requests bigint, cost numeric)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_zone text := relaypg.usage_time_zone();
begin
  if p_scope is null or p_scope not in ('key', 'account', 'all') then
    perform relaypg.raise_invalid('scope', 'must be key, account or all');
  end if;
  if p_grain is null or p_grain not in ('hour', 'day', 'month') then
    perform relaypg.raise_invalid('grain', 'must be hour, day or month');
  end if;
  if p_from is null or p_to is null or p_to < p_from then
    perform relaypg.raise_invalid('range', 'needs a first and a last day, the last not before the first');
  end if;
  if p_to - p_from > 3660 then
    perform relaypg.raise_invalid('range', 'spans at most ten years');
  end if;
  if p_grain = 'hour' then
    return query
    select h.bucket, h.model, h.requests, h.input_tokens, h.output_tokens, h.cache_create_tokens, h.cache_create_5m_tokens,
           h.cache_create_1h_tokens, h.cache_read_tokens,
           h.input_tokens + h.output_tokens + h.cache_create_tokens + h.cache_read_tokens, h.long_context_requests, h.cost
      from relaypg.usage_rollups_hourly h
     where h.scope = p_scope and h.scope_id = lower(coalesce(p_scope_id, ''))
       and h.bucket >= (p_from::timestamp at time zone v_zone) and h.bucket < ((p_to + 1)::timestamp at time zone v_zone)
     order by h.bucket, h.model;
  elsif p_grain = 'day' then
    return query
    select d.bucket::timestamp at time zone v_zone, d.model, d.requests, d.input_tokens, d.output_tokens, d.cache_create_tokens,
           d.cache_create_5m_tokens, d.cache_create_1h_tokens, d.cache_read_tokens,
           d.input_tokens + d.output_tokens + d.cache_create_tokens + d.cache_read_tokens, d.long_context_requests, d.cost
      from relaypg.usage_rollups_daily d
     where d.scope = p_scope and d.scope_id = lower(coalesce(p_scope_id, '')) and d.bucket between p_from and p_to
     order by d.bucket, d.model;
  else
    return query
    select m.bucket::timestamp at time zone v_zone, m.model, m.requests, m.input_tokens, m.output_tokens, m.cache_create_tokens,
           m.cache_create_5m_tokens, m.cache_create_1h_tokens, m.cache_read_tokens,
           m.input_tokens + m.output_tokens + m.cache_create_tokens + m.cache_read_tokens, m.long_context_requests, m.cost
      from relaypg.usage_rollups_monthly m
     where m.scope = p_scope and m.scope_id = lower(coalesce(p_scope_id, ''))
       and m.bucket between date_trunc('month', p_from)::date and p_to
     order by m.bucket, m.model;
  end if;
end
$$;
comment on function api.usage_by_model(text, text, text, date, date) is
  'Usage of a scope (key, account, all) per model and bucket (hour, day, month; bucket = its start instant) over local days p_from..p_to, from the rollups. RVINV.';
grant execute on function api.usage_by_model(text, text, text, date, date) to :DATABASE_APP_USER;

-- Averages over a scope's life, as CRS computes them (requests and core
-- tokens, input + output, per minute and per day; days since creation, at
-- least 1, rounded up), with its created-at right: an account's own (CRS
-- looks accounts up under a wrong prefix and divides by 1 day), the oldest
-- key's for the whole service. Totals: a key's ledger, else the rollups.
create function api.usage_averages(p_scope text, p_scope_id text, p_at timestamptz default now())
returns table (since timestamptz, days integer, requests bigint, tokens bigint, requests_per_minute numeric,
               tokens_per_minute numeric, requests_per_day numeric, tokens_per_day numeric)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if p_scope is null or p_scope not in ('key', 'account', 'all') then
    perform relaypg.raise_invalid('scope', 'must be key, account or all');
  end if;
  if p_scope = 'key' then
    if coalesce(p_scope_id, '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      perform relaypg.raise_invalid('scope_id', 'must be a key id (a UUID)');
    end if;
    select k.created_at into since from relaypg.api_keys k where k.id = p_scope_id::uuid;
    select t.requests, t.input_tokens + t.output_tokens into requests, tokens
      from api.key_usage(p_scope_id::uuid, p_at) t where t.period = 'total';
    -- A purged key: from its first use.
    since := coalesce(since, (select u.first_used_at from relaypg.api_key_usage u where u.api_key_id = p_scope_id::uuid));
  else
    since := case p_scope
      when 'account' then (select a.created_at from relaypg.accounts a where a.id::text = lower(p_scope_id))
      else (select min(k.created_at) from relaypg.api_keys k) end;
    select t.requests, t.input_tokens + t.output_tokens into requests, tokens
      from api.usage_totals(p_scope, p_scope_id, p_at) t where t.period = 'total';
  end if;
  days := greatest(1, ceil(extract(epoch from coalesce(p_at, now()) - coalesce(since, coalesce(p_at, now()))) / 86400))::integer;
  requests_per_minute := round(requests::numeric / (days * 1440), 2);
  tokens_per_minute := round(tokens::numeric / (days * 1440), 2);
  requests_per_day := round(requests::numeric / days, 2);
  tokens_per_day := round(tokens::numeric / days, 2);
  return next;
end
$$;
comment on function api.usage_averages(text, text, timestamptz) is
  'Requests and core tokens (input + output) per minute and per day over a key''s, an account''s or the service''s life up to p_at (days since created, at least 1), rounded to 2 decimals as CRS does. RVINV.';
grant execute on function api.usage_averages(text, text, timestamptz) to :DATABASE_APP_USER;

-- The dashboard's counts at p_at: keys (not deleted, active, created on the
-- local day) and accounts of each kind by their state read by time (CRS
-- reports OpenAI and CCR accounts under each other's names; here each kind
-- is its own row). An account counts once, under the first reason it cannot
-- serve (relaypg.account_unavailable_reason).
create function api.dashboard_counts(p_at timestamptz default now())
returns table (subject text, total bigint, active bigint, created_today bigint, available bigint, paused bigint,
               rate_limited bigint, other_unavailable bigint)
language sql
stable
security definer
set search_path = ''
as $$
  select 'api_keys', count(*) filter (where k.deleted_at is null), count(*) filter (where k.deleted_at is null and k.is_active),
         count(*) filter (where k.deleted_at is null and (k.created_at at time zone relaypg.usage_time_zone())::date
                                = (coalesce(p_at, now()) at time zone relaypg.usage_time_zone())::date),
         null::bigint, null::bigint, null::bigint, null::bigint
    from relaypg.api_keys k
  union all
  select a.kind, count(*), count(*) filter (where a.is_active), null,
         count(*) filter (where r.reason is null), count(*) filter (where r.reason = 'paused'),
         count(*) filter (where r.reason = 'rate_limited'),
         count(*) filter (where r.reason is not null and r.reason not in ('paused', 'rate_limited'))
    from relaypg.accounts a
    cross join lateral (select relaypg.account_unavailable_reason(a, coalesce(p_at, now())) as reason) r
   group by a.kind;
$$;
comment on function api.dashboard_counts(timestamptz) is
  'The dashboard''s counts at p_at: API keys (total not deleted, active, created today in the usage time zone) and accounts of each kind (total, active, available now, paused, rate-limited, otherwise unavailable).';
grant execute on function api.dashboard_counts(timestamptz) to :DATABASE_APP_USER;

-- The last p_minutes of traffic, read from the events themselves (exact):
-- counts, and per-minute rates over the window.
create function api.recent_usage(p_minutes integer default 5, p_at timestamptz default now())
returns table (minutes integer, requests bigint, all_tokens bigint, input_tokens bigint, output_tokens bigint,
               cache_create_tokens bigint, cache_read_tokens bigint, requests_per_minute numeric, tokens_per_minute numeric)
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if p_minutes is null or p_minutes not between 1 and 1440 then
    perform relaypg.raise_invalid('minutes', 'must be from 1 to 1440');
  end if;
  return query
  select p_minutes, count(*), coalesce(sum(e.input_tokens + e.output_tokens + e.cache_create_tokens + e.cache_read_tokens), 0)::bigint,
         coalesce(sum(e.input_tokens), 0)::bigint, coalesce(sum(e.output_tokens), 0)::bigint,
         coalesce(sum(e.cache_create_tokens), 0)::bigint, coalesce(sum(e.cache_read_tokens), 0)::bigint,
         round(count(*)::numeric / p_minutes, 2),
         round(coalesce(sum(e.input_tokens + e.output_tokens + e.cache_create_tokens + e.cache_read_tokens), 0)::numeric / p_minutes, 2)
    from relaypg.usage_events e
   where e.occurred_at > coalesce(p_at, now()) - make_interval(mins => p_minutes) and e.occurred_at <= coalesce(p_at, now());
end
$$;
comment on function api.recent_usage(integer, timestamptz) is
  'Requests and tokens of the p_minutes (1..1440) before p_at, from the events, with per-minute rates (2 decimals). RVINV.';
grant execute on function api.recent_usage(integer, timestamptz) to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- Admission: the first of a relayed request's two round trips. The key's
-- static checks were made by api.authenticate_api_key (whose decision the
-- service may cache: p_auth_version proves the cached decision is current);
-- here, in one call, come the checks that read exact counters and cannot be
-- cached, in CRS's order (concurrency, rate-limit window, daily cost, weekly
-- Opus cost, then the total cost of newer CRS versions), the concurrency
-- lease, and the account selection. Admissions
-- of one key with limits wait for each other on its ledger row, so two of
-- them never both pass a limit only one fits under; what can still overshoot
-- a cost limit is the cost of requests admitted but not yet recorded.
-- ---------------------------------------------------------------------------
create function relaypg.refuse_over_limit(p_code text, p_what text, p_limit numeric, p_current numeric, p_reset_at timestamptz)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  raise exception '% limit reached: % of %', p_what, p_current, p_limit
    using errcode = p_code,
          detail = jsonb_build_object('limit', p_limit, 'current', p_current, 'resetAt', p_reset_at)::text;
end
$$;
comment on function relaypg.refuse_over_limit(text, text, numeric, numeric, timestamptz) is
  'Raises a limit refusal (LM*) with DETAIL {"limit", "current", "resetAt"} as JSON.';

create function api.admit_request(
  p_api_key_id uuid, p_auth_version bigint, p_request_id text, p_platform text, p_model text,
  p_session_hash text default null, p_select boolean default true, p_lease_ttl interval default '10 minutes',
  p_sticky_ttl interval default '1 hour', p_renewal_threshold interval default '0',
  p_asynchronous_commit boolean default false)
returns table (account_id uuid, account_kind text, upstream_model text, sticky boolean, account_version bigint,
               session_expires_at timestamptz, lease_expires_at timestamptz)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_now constant timestamptz := now();
  v_key relaypg.api_keys;
  v_usage relaypg.api_key_usage;
  v_window boolean;
  v_opus boolean := strpos(coalesce(p_model, ''), 'claude-opus') > 0;
  v_zone text;
  v_today date;
  v_figure numeric;
  v_selection api.account_selection;
begin
  if coalesce(char_length(p_request_id), 0) not between 1 and 128 then
    perform relaypg.raise_invalid('request_id', 'must be a string of 1 to 128 characters');
  end if;
  if p_lease_ttl is null or p_lease_ttl <= interval '0' or p_lease_ttl > interval '1 day' then
    perform relaypg.raise_invalid('lease_ttl', 'must be a positive interval of at most a day');
  end if;
  select k.* into v_key from relaypg.api_keys k where k.id = p_api_key_id;
  if not found or v_key.auth_version is distinct from p_auth_version then
    raise exception 'the API key changed since it was authenticated'
      using errcode = 'ADVER', hint = 'authenticate the key again (its cached decision is stale)';
  end if;
  v_window := v_key.rate_limit_window > 0
              and (v_key.rate_limit_requests > 0 or v_key.token_limit > 0 or v_key.rate_limit_cost > 0);

  -- Keys without usage limits never touch their ledger here.
  if v_key.concurrency_limit > 0 or v_window or v_key.daily_cost_limit > 0
     or (v_opus and v_key.weekly_opus_cost_limit > 0) or v_key.total_cost_limit > 0 then
    insert into relaypg.api_key_usage (api_key_id) values (p_api_key_id) on conflict (api_key_id) do nothing;
    select u.* into v_usage from relaypg.api_key_usage u where u.api_key_id = p_api_key_id for update;

    if v_key.concurrency_limit > 0 then
      select count(*) into v_figure from relaypg.concurrency_leases l
       where l.api_key_id = p_api_key_id and l.expires_at > v_now and l.request_id <> p_request_id;
      if v_figure >= v_key.concurrency_limit then
        perform relaypg.refuse_over_limit('LMCON', 'concurrency', v_key.concurrency_limit, v_figure,
          (select min(l.expires_at) from relaypg.concurrency_leases l where l.api_key_id = p_api_key_id and l.expires_at > v_now));
      end if;
      insert into relaypg.concurrency_leases as l (request_id, api_key_id, expires_at)
      values (p_request_id, p_api_key_id, v_now + p_lease_ttl)
      -- The same request admitted again refreshes its own lease (a retry counts
      -- again in the window, as any admission does); an expired lease of the
      -- id is taken over.
      on conflict (request_id) do update set expires_at = excluded.expires_at, api_key_id = excluded.api_key_id,
                                             acquired_at = excluded.acquired_at
        where l.api_key_id = excluded.api_key_id or l.expires_at <= v_now
      returning l.expires_at into lease_expires_at;
      if lease_expires_at is null then
        perform relaypg.raise_invalid('request_id', 'is in flight for another key');
      end if;
    end if;

    if v_window then
      -- CRS's fixed window: the first request after the last window ended opens the next.
      if v_usage.window_ends_at is null or v_usage.window_ends_at <= v_now then
        v_usage.window_started_at := v_now;
        v_usage.window_ends_at := v_now + make_interval(mins => v_key.rate_limit_window);
        v_usage.window_requests := 0;
        v_usage.window_tokens := 0;
        v_usage.window_cost := 0;
      end if;
      if v_key.rate_limit_requests > 0 and v_usage.window_requests >= v_key.rate_limit_requests then
        perform relaypg.refuse_over_limit('LMREQ', 'request', v_key.rate_limit_requests, v_usage.window_requests, v_usage.window_ends_at);
      end if;
      -- As in CRS, a token limit takes precedence over the cost limit of the window.
      if v_key.token_limit > 0 then
        if v_usage.window_tokens >= v_key.token_limit then
          perform relaypg.refuse_over_limit('LMTOK', 'token', v_key.token_limit, v_usage.window_tokens, v_usage.window_ends_at);
        end if;
      elsif v_key.rate_limit_cost > 0 and v_usage.window_cost >= v_key.rate_limit_cost then
        perform relaypg.refuse_over_limit('LMCST', 'window cost', v_key.rate_limit_cost, v_usage.window_cost, v_usage.window_ends_at);
      end if;
      update relaypg.api_key_usage u
         set window_started_at = v_usage.window_started_at, window_ends_at = v_usage.window_ends_at,
             window_requests = v_usage.window_requests + 1, window_tokens = v_usage.window_tokens, window_cost = v_usage.window_cost
       where u.api_key_id = p_api_key_id;
    end if;

    if v_key.daily_cost_limit > 0 or (v_opus and v_key.weekly_opus_cost_limit > 0) then
      v_zone := relaypg.usage_time_zone();
      v_today := (v_now at time zone v_zone)::date;
    end if;
    if v_key.daily_cost_limit > 0 then
      select coalesce(sum(d.cost), 0) into v_figure from relaypg.api_key_daily_usage d
       where d.api_key_id = p_api_key_id and d.day = v_today;
      if v_figure >= v_key.daily_cost_limit then
        perform relaypg.refuse_over_limit('LMDAY', 'daily cost', v_key.daily_cost_limit, v_figure, (v_today + 1)::timestamp at time zone v_zone);
      end if;
    end if;
    if v_opus and v_key.weekly_opus_cost_limit > 0 then
      -- An ISO week (Monday to Sunday) in the usage time zone.
      select coalesce(sum(d.opus_cost), 0) into v_figure from relaypg.api_key_daily_usage d
       where d.api_key_id = p_api_key_id and d.day >= date_trunc('week', v_today)::date
         and d.day < (date_trunc('week', v_today) + interval '7 days')::date;
      if v_figure >= v_key.weekly_opus_cost_limit then
        perform relaypg.refuse_over_limit('LMOPS', 'weekly Opus cost', v_key.weekly_opus_cost_limit, v_figure,
          (date_trunc('week', v_today) + interval '7 days')::timestamp at time zone v_zone);
      end if;
    end if;
    -- The lifetime cost never resets.
    if v_key.total_cost_limit > 0 and v_usage.cost >= v_key.total_cost_limit then
      perform relaypg.refuse_over_limit('LMTOT', 'total cost', v_key.total_cost_limit, v_usage.cost, null);
    end if;
  end if;

  if p_select then
    v_selection := api.select_account(p_api_key_id, p_platform, p_model, p_session_hash, p_sticky_ttl, p_renewal_threshold,
                                      p_asynchronous_commit);
    account_id := v_selection.account_id;
    account_kind := v_selection.account_kind;
    upstream_model := v_selection.upstream_model;
    sticky := v_selection.sticky;
    account_version := v_selection.account_version;
    session_expires_at := v_selection.session_expires_at;
  elsif p_asynchronous_commit then
    perform pg_catalog.set_config('synchronous_commit', 'off', true);
  end if;
  return next;
end
$$;
comment on function api.admit_request(uuid, bigint, text, text, text, text, boolean, interval, interval, interval, boolean) is
  'Admits a request of an authenticated key (p_auth_version: the version its decision was made at): concurrency lease, rate-limit window, daily, weekly Opus and total cost limits on exact figures, then (p_select) the account selection; one call, all or nothing. ADVER, LMCON, LMREQ, LMTOK, LMCST, LMDAY, LMOPS, LMTOT, SLNAV, RVINV.';
grant execute on function api.admit_request(uuid, bigint, text, text, text, text, boolean, interval, interval, interval, boolean) to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- CRS usage history. CRS keeps aggregates, not events: they come over as a
-- labelled baseline, added to the ledger and the rollups, with costs as CRS
-- recorded them. Each CRS key's contribution is kept (crs_usage_imports), so
-- that a re-import adds only what changed, and the key's cut-off (the import
-- instant) keeps events that occurred before it from being recorded again.
-- ---------------------------------------------------------------------------
create table relaypg.crs_usage_imports (
  redis_key    text primary key,
  fingerprint  text not null,
  -- What the key added: [{target: total|day|rollup, ...where, ...counters}].
  contribution jsonb not null,
  cut_off      timestamptz not null,
  imported_at  timestamptz not null default now(),
  constraint crs_usage_imports_contribution_is_an_array check (jsonb_typeof(contribution) = 'array')
);
comment on table relaypg.crs_usage_imports is 'CRS usage aggregates imported (usage:*, account_usage:*): what each added to the ledger and rollups, for idempotent re-imports.';

-- An account's lifetime as CRS kept it (account_usage:{id}, no TTL) beside
-- the months imported for it (account_usage:model:monthly:*, kept 365 days
-- by CRS): what the lifetime holds beyond the imported months is added to
-- the account's total (api.usage_totals), so that older traffic is not lost.
-- Both parts are kept up to date by the import, in either order.
create table relaypg.crs_lifetime_baselines (
  scope                 text not null,
  scope_id              text not null,
  part                  text not null,
  requests              bigint not null default 0,
  input_tokens          bigint not null default 0,
  output_tokens         bigint not null default 0,
  cache_create_tokens   bigint not null default 0,
  cache_create_5m_tokens bigint not null default 0,
  cache_create_1h_tokens bigint not null default 0,
  cache_read_tokens     bigint not null default 0,
  long_context_requests bigint not null default 0,
  primary key (scope, scope_id, part),
  constraint crs_lifetime_baselines_part_is_known check (part in ('lifetime', 'months'))
);
comment on table relaypg.crs_lifetime_baselines is 'CRS lifetime totals of accounts and the imported months they include: the rest is traffic older than CRS''s monthly hashes.';

-- Adds p_sign times a contribution item's counters to one part of a scope's
-- CRS lifetime baseline.
create function relaypg.add_to_lifetime_baseline(p_item jsonb, p_part text, p_sign integer)
returns void
language sql
volatile
set search_path = ''
begin atomic
  insert into relaypg.crs_lifetime_baselines as t (scope, scope_id, part, requests, input_tokens, output_tokens,
    cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens, cache_read_tokens, long_context_requests)
  values (p_item ->> 'scope', p_item ->> 'scopeId', p_part, p_sign * coalesce((p_item ->> 'requests')::bigint, 0),
          p_sign * coalesce((p_item ->> 'inputTokens')::bigint, 0), p_sign * coalesce((p_item ->> 'outputTokens')::bigint, 0),
          p_sign * coalesce((p_item ->> 'cacheCreateTokens')::bigint, 0), p_sign * coalesce((p_item ->> 'cacheCreate5mTokens')::bigint, 0),
          p_sign * coalesce((p_item ->> 'cacheCreate1hTokens')::bigint, 0), p_sign * coalesce((p_item ->> 'cacheReadTokens')::bigint, 0),
          p_sign * coalesce((p_item ->> 'longContextRequests')::bigint, 0))
  on conflict (scope, scope_id, part) do update set
    requests = t.requests + excluded.requests, input_tokens = t.input_tokens + excluded.input_tokens,
    output_tokens = t.output_tokens + excluded.output_tokens, cache_create_tokens = t.cache_create_tokens + excluded.cache_create_tokens,
    cache_create_5m_tokens = t.cache_create_5m_tokens + excluded.cache_create_5m_tokens,
    cache_create_1h_tokens = t.cache_create_1h_tokens + excluded.cache_create_1h_tokens,
    cache_read_tokens = t.cache_read_tokens + excluded.cache_read_tokens,
    long_context_requests = t.long_context_requests + excluded.long_context_requests;
end;
comment on function relaypg.add_to_lifetime_baseline(jsonb, text, integer) is
  'Adds p_sign times an import item''s counters to the lifetime or months part of a scope''s CRS lifetime baseline.';

-- Adds p_sign times each counter of a contribution to its target row.
create function relaypg.apply_usage_contribution(p_items jsonb, p_sign integer)
returns void
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_item jsonb;
  v_grain text;
begin
  for v_item in select e from jsonb_array_elements(p_items) e loop
    case v_item ->> 'target'
    when 'total' then
      insert into relaypg.api_key_usage as t (
        api_key_id, requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens,
        cache_read_tokens, long_context_requests, long_context_input_tokens, long_context_output_tokens, cost, opus_cost)
      select (v_item ->> 'apiKeyId')::uuid, p_sign * coalesce((v_item ->> 'requests')::bigint, 0),
             p_sign * coalesce((v_item ->> 'inputTokens')::bigint, 0), p_sign * coalesce((v_item ->> 'outputTokens')::bigint, 0),
             p_sign * coalesce((v_item ->> 'cacheCreateTokens')::bigint, 0), p_sign * coalesce((v_item ->> 'cacheCreate5mTokens')::bigint, 0),
             p_sign * coalesce((v_item ->> 'cacheCreate1hTokens')::bigint, 0), p_sign * coalesce((v_item ->> 'cacheReadTokens')::bigint, 0),
             p_sign * coalesce((v_item ->> 'longContextRequests')::bigint, 0),
             p_sign * coalesce((v_item ->> 'longContextInputTokens')::bigint, 0),
             p_sign * coalesce((v_item ->> 'longContextOutputTokens')::bigint, 0),
             p_sign * coalesce((v_item ->> 'cost')::numeric, 0), p_sign * coalesce((v_item ->> 'opusCost')::numeric, 0)
      on conflict (api_key_id) do update set
        requests = t.requests + excluded.requests, input_tokens = t.input_tokens + excluded.input_tokens,
        output_tokens = t.output_tokens + excluded.output_tokens, cache_create_tokens = t.cache_create_tokens + excluded.cache_create_tokens,
        cache_create_5m_tokens = t.cache_create_5m_tokens + excluded.cache_create_5m_tokens,
        cache_create_1h_tokens = t.cache_create_1h_tokens + excluded.cache_create_1h_tokens,
        cache_read_tokens = t.cache_read_tokens + excluded.cache_read_tokens,
        long_context_requests = t.long_context_requests + excluded.long_context_requests,
        long_context_input_tokens = t.long_context_input_tokens + excluded.long_context_input_tokens,
        long_context_output_tokens = t.long_context_output_tokens + excluded.long_context_output_tokens,
        cost = t.cost + excluded.cost, opus_cost = t.opus_cost + excluded.opus_cost;
    when 'day' then
      -- The key's ledger row first, as recording and admission lock them.
      insert into relaypg.api_key_usage (api_key_id) values ((v_item ->> 'apiKeyId')::uuid) on conflict (api_key_id) do nothing;
      perform 1 from relaypg.api_key_usage u where u.api_key_id = (v_item ->> 'apiKeyId')::uuid for update;
      insert into relaypg.api_key_daily_usage as t (
        api_key_id, day, requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens,
        cache_create_1h_tokens, cache_read_tokens, long_context_requests, cost, opus_cost)
      select (v_item ->> 'apiKeyId')::uuid, (v_item ->> 'day')::date, p_sign * coalesce((v_item ->> 'requests')::bigint, 0),
             p_sign * coalesce((v_item ->> 'inputTokens')::bigint, 0), p_sign * coalesce((v_item ->> 'outputTokens')::bigint, 0),
             p_sign * coalesce((v_item ->> 'cacheCreateTokens')::bigint, 0), p_sign * coalesce((v_item ->> 'cacheCreate5mTokens')::bigint, 0),
             p_sign * coalesce((v_item ->> 'cacheCreate1hTokens')::bigint, 0), p_sign * coalesce((v_item ->> 'cacheReadTokens')::bigint, 0),
             p_sign * coalesce((v_item ->> 'longContextRequests')::bigint, 0),
             p_sign * coalesce((v_item ->> 'cost')::numeric, 0), p_sign * coalesce((v_item ->> 'opusCost')::numeric, 0)
      on conflict (api_key_id, day) do update set
        requests = t.requests + excluded.requests, input_tokens = t.input_tokens + excluded.input_tokens,
        output_tokens = t.output_tokens + excluded.output_tokens, cache_create_tokens = t.cache_create_tokens + excluded.cache_create_tokens,
        cache_create_5m_tokens = t.cache_create_5m_tokens + excluded.cache_create_5m_tokens,
        cache_create_1h_tokens = t.cache_create_1h_tokens + excluded.cache_create_1h_tokens,
        cache_read_tokens = t.cache_read_tokens + excluded.cache_read_tokens,
        long_context_requests = t.long_context_requests + excluded.long_context_requests,
        cost = t.cost + excluded.cost, opus_cost = t.opus_cost + excluded.opus_cost;
    when 'lifetime' then
      perform relaypg.add_to_lifetime_baseline(v_item, 'lifetime', p_sign);
    when 'rollup' then
      v_grain := v_item ->> 'grain';
      if v_grain = 'month' and v_item ->> 'scope' = 'account' then
        perform relaypg.add_to_lifetime_baseline(v_item, 'months', p_sign);
      end if;
      execute relaypg.rollup_upsert_sql(v_grain, format(
        'select ($1 ->> ''bucket'')::%s, $1 ->> ''scope'', $1 ->> ''scopeId'', $1 ->> ''model'',
                $2 * coalesce(($1 ->> ''requests'')::bigint, 0), $2 * coalesce(($1 ->> ''inputTokens'')::bigint, 0),
                $2 * coalesce(($1 ->> ''outputTokens'')::bigint, 0), $2 * coalesce(($1 ->> ''cacheCreateTokens'')::bigint, 0),
                $2 * coalesce(($1 ->> ''cacheCreate5mTokens'')::bigint, 0), $2 * coalesce(($1 ->> ''cacheCreate1hTokens'')::bigint, 0),
                $2 * coalesce(($1 ->> ''cacheReadTokens'')::bigint, 0), $2 * coalesce(($1 ->> ''longContextRequests'')::bigint, 0),
                $2 * coalesce(($1 ->> ''cost'')::numeric, 0)',
        case v_grain when 'hour' then 'timestamptz' else 'date' end))
      using v_item, p_sign;
    end case;
  end loop;
end
$$;
comment on function relaypg.apply_usage_contribution(jsonb, integer) is 'Adds (p_sign = 1) or takes back (-1) a CRS usage contribution to the ledger and rollup rows it names.';

-- CRS's label of the week of a local instant (spec 4, redis
-- getWeekStringInTimezone): the calendar year of the local date, and
-- ceil(((Thursday of the week, at the same time of day) - (1 January of that
-- Thursday's year) in days + 1) / 7). Not ISO: local 2025-12-29 is its
-- 2025-W01, and a time of day past midnight can push the count up a week.
create function relaypg.crs_week_label(p_local timestamp)
returns text
language sql
immutable
set search_path = ''
as $$
  select to_char(p_local, 'YYYY') || '-W'
         || lpad(ceil((extract(epoch from t.thursday - make_timestamp(extract(year from t.thursday)::integer, 1, 1, 0, 0, 0)) / 86400 + 1)
                      / 7)::integer::text, 2, '0')
    from (select p_local + make_interval(days => 4 - extract(isodow from p_local)::integer) as thursday) t;
$$;
comment on function relaypg.crs_week_label(timestamp) is 'The week label CRS 0881cc09 writes for a local instant (usage:opus:weekly:{key}:{label}); not an ISO week.';

-- What one CRS usage key contributes: an array of items, or {"skip": why}
-- for a key relaypg derives from others (a key's months and hours, an
-- account's days and months, monthly and hourly costs) or does not
-- know (a newer CRS's). Key names are parsed anchored on their prefix and
-- date suffix (model names may hold ':'); a malformed name or bucket of a
-- known family is IMBAD. p_reference (the local day of the cut-off) tells
-- which year a CRS week label W01 means.
create function relaypg.crs_usage_contribution(p_redis_key text, p_value jsonb, p_time_zone text, p_reference date default null)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_uuid constant text := '([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})';
  v_date constant text := '([0-9]{4}-[0-9]{2}-[0-9]{2})';
  v_m text[];
  v_counts jsonb;
  v_bucket text;
  v_monday date;
  v_real boolean;
begin
  if p_redis_key ~ ('^(usage:(monthly|hourly|cost:monthly|cost:hourly):' || v_uuid || ':|account_usage:(daily|monthly|hourly):' || v_uuid || ':)') then
    return jsonb_build_object('skip', 'derived by relaypg from other CRS keys');
  end if;
  if p_redis_key !~ ('^(usage:(daily|cost:daily|cost:total|opus:total|opus:weekly|model):|account_usage:model:|account_usage:' || v_uuid || '$|usage:' || v_uuid || '(:model:|$))') then
    return jsonb_build_object('skip', 'not a usage key of CRS 0881cc09 (a newer CRS''s?); left out');
  end if;

  -- CRS's token counters: totals use total* names, buckets plain ones.
  if p_redis_key !~ '^usage:(cost|opus):' then
    if p_redis_key ~ ('^(usage|account_usage):' || v_uuid || '$') then
      v_counts := jsonb_build_object(
        'requests', relaypg.crs_count(p_value, 'totalRequests', 9007199254740991),
        'inputTokens', relaypg.crs_count(p_value, 'totalInputTokens', 9007199254740991),
        'outputTokens', relaypg.crs_count(p_value, 'totalOutputTokens', 9007199254740991),
        'cacheCreateTokens', relaypg.crs_count(p_value, 'totalCacheCreateTokens', 9007199254740991),
        'cacheCreate5mTokens', relaypg.crs_count(p_value, 'totalEphemeral5mTokens', 9007199254740991),
        'cacheCreate1hTokens', relaypg.crs_count(p_value, 'totalEphemeral1hTokens', 9007199254740991),
        'cacheReadTokens', relaypg.crs_count(p_value, 'totalCacheReadTokens', 9007199254740991),
        'longContextRequests', relaypg.crs_count(p_value, 'totalLongContextRequests', 9007199254740991),
        'longContextInputTokens', relaypg.crs_count(p_value, 'totalLongContextInputTokens', 9007199254740991),
        'longContextOutputTokens', relaypg.crs_count(p_value, 'totalLongContextOutputTokens', 9007199254740991));
    else
      v_counts := jsonb_build_object(
        'requests', relaypg.crs_count(p_value, 'requests', 9007199254740991),
        'inputTokens', relaypg.crs_count(p_value, 'inputTokens', 9007199254740991),
        'outputTokens', relaypg.crs_count(p_value, 'outputTokens', 9007199254740991),
        'cacheCreateTokens', relaypg.crs_count(p_value, 'cacheCreateTokens', 9007199254740991),
        'cacheCreate5mTokens', relaypg.crs_count(p_value, 'ephemeral5mTokens', 9007199254740991),
        'cacheCreate1hTokens', relaypg.crs_count(p_value, 'ephemeral1hTokens', 9007199254740991),
        'cacheReadTokens', relaypg.crs_count(p_value, 'cacheReadTokens', 9007199254740991),
        'longContextRequests', relaypg.crs_count(p_value, 'longContextRequests', 9007199254740991));
    end if;
    -- A legacy record with only a token total (no split) is kept whole as
    -- input: CRS's 30/70 split of it is a guess (spec 3.6).
    if (v_counts ->> 'inputTokens')::bigint + (v_counts ->> 'outputTokens')::bigint = 0 then
      v_counts := v_counts || jsonb_build_object('inputTokens',
        relaypg.crs_count(p_value, case when p_redis_key ~ ('^(usage|account_usage):' || v_uuid || '$') then 'totalTokens' else 'tokens' end, 9007199254740991));
    end if;
  end if;

  -- An account's lifetime (beyond the months CRS still keeps: relaypg.crs_lifetime_baselines).
  v_m := regexp_match(p_redis_key, '^account_usage:' || v_uuid || '$');
  if v_m is not null then
    return jsonb_build_array(v_counts || jsonb_build_object('target', 'lifetime', 'scope', 'account', 'scopeId', lower(v_m[1])));
  end if;
  -- A key's lifetime counters, cost and Opus cost.
  v_m := regexp_match(p_redis_key, '^usage:' || v_uuid || '$');
  if v_m is not null then
    return jsonb_build_array(v_counts || jsonb_build_object('target', 'total', 'apiKeyId', lower(v_m[1])));
  end if;
  v_m := regexp_match(p_redis_key, '^usage:(cost|opus):total:' || v_uuid || '$');
  if v_m is not null then
    return jsonb_build_array(jsonb_build_object('target', 'total', 'apiKeyId', lower(v_m[2]),
      case v_m[1] when 'cost' then 'cost' else 'opusCost' end, relaypg.crs_money(p_value, 'value')));
  end if;
  -- A key's days: counters, cost.
  v_m := regexp_match(p_redis_key, '^usage:(daily|cost:daily):' || v_uuid || ':' || v_date || '$');
  if v_m is not null then
    if not relaypg.is_iso_instant(v_m[3] || 'T00:00:00Z') then
      perform relaypg.raise_bad_crs_field('(key name)', format('%L is not a date', v_m[3]));
    end if;
    return jsonb_build_array(case v_m[1]
      when 'daily' then v_counts || jsonb_build_object('target', 'day', 'apiKeyId', lower(v_m[2]), 'day', v_m[3])
      else jsonb_build_object('target', 'day', 'apiKeyId', lower(v_m[2]), 'day', v_m[3], 'cost', relaypg.crs_money(p_value, 'value')) end);
  end if;
  -- A key's Opus cost of a week, put on the Monday of the week it counted
  -- (relaypg sums ISO weeks of days). CRS's week numbers are its own (spec 4:
  -- the calendar year of the local date, a count that uses the time of day),
  -- so the label is matched against CRS's labels of the three weeks before
  -- the cut-off (CRS keeps weekly keys 14 days); only an older label is read
  -- as the ISO week it spells.
  v_m := regexp_match(p_redis_key, '^usage:opus:weekly:' || v_uuid || ':([0-9]{4}-W[0-9]{2})$');
  if v_m is not null then
    select max(date_trunc('week', p_reference - g.n)::date) into v_monday
      from generate_series(0, 20) g(n)
      cross join (values (interval '0'), (interval '1 day - 1 millisecond')) t(at)
     where relaypg.crs_week_label(p_reference - g.n + t.at) = v_m[2];
    if v_monday is null then
      if substr(v_m[2], 7)::integer not between 1 and 53 or left(v_m[2], 4)::integer < 1 then
        perform relaypg.raise_bad_crs_field('(key name)', format('week %L is not a week', v_m[2]));
      end if;
      v_monday := to_date(left(v_m[2], 4) || '-' || substr(v_m[2], 7), 'IYYY-IW');
      if to_char(v_monday, 'IYYY-"W"IW') <> v_m[2] then
        perform relaypg.raise_bad_crs_field('(key name)', format('%s is not a week of CRS''s near the cut-off nor an ISO week', v_m[2]));
      end if;
    end if;
    return jsonb_build_array(jsonb_build_object('target', 'day', 'apiKeyId', lower(v_m[1]), 'day', v_monday,
      'opusCost', relaypg.crs_money(p_value, 'value')));
  end if;
  -- Per-model hashes: a key's, an account's, the whole service's, as
  -- [scope id, grain, model, bucket, scope].
  v_m := regexp_match(p_redis_key, '^usage:' || v_uuid || ':model:(daily|monthly|hourly):(.+):([0-9]{4}-[0-9]{2}(-[0-9]{2}(:[0-9]{2})?)?)$');
  if v_m is not null then
    v_m := array[v_m[1], v_m[2], v_m[3], v_m[4], 'key'];
  else
    v_m := regexp_match(p_redis_key, '^account_usage:model:(daily|monthly|hourly):' || v_uuid || ':(.+):([0-9]{4}-[0-9]{2}(-[0-9]{2}(:[0-9]{2})?)?)$');
    if v_m is not null then
      v_m := array[v_m[2], v_m[1], v_m[3], v_m[4], 'account'];
    else
      v_m := regexp_match(p_redis_key, '^usage:model:(daily|monthly|hourly):(.+):([0-9]{4}-[0-9]{2}(-[0-9]{2}(:[0-9]{2})?)?)$');
      if v_m is not null then
        v_m := array['', v_m[1], v_m[2], v_m[3], 'all'];
      end if;
    end if;
  end if;
  if v_m is null then
    perform relaypg.raise_bad_crs_field('(key name)', 'a usage key without its id, model or bucket');
  end if;
  -- The bucket must be a real day, month or hour before it is read as one.
  v_real := case v_m[2]
    when 'daily' then v_m[4] ~ ('^' || v_date || '$') and relaypg.is_iso_instant(v_m[4] || 'T00:00:00Z')
    when 'monthly' then v_m[4] ~ '^[0-9]{4}-[0-9]{2}$' and relaypg.is_iso_instant(v_m[4] || '-01T00:00:00Z')
    else v_m[4] ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}:[0-9]{2}$' and relaypg.is_iso_instant(replace(v_m[4], ':', 'T') || ':00:00Z') end;
  if not v_real then
    perform relaypg.raise_bad_crs_field('(key name)', format('%s bucket %L is not a real %s', v_m[2], v_m[4],
      case v_m[2] when 'daily' then 'day (YYYY-MM-DD)' when 'monthly' then 'month (YYYY-MM)' else 'hour (YYYY-MM-DD:HH)' end));
  end if;
  -- An hour is a local hour of the zone, kept as its UTC instant.
  v_bucket := case v_m[2]
    when 'hourly' then to_char((replace(v_m[4], ':', ' ') || ':00')::timestamp at time zone p_time_zone at time zone 'UTC',
                               'YYYY-MM-DD"T"HH24:MI:SS"Z"')
    when 'daily' then v_m[4]
    else v_m[4] || '-01' end;
  return jsonb_build_array(v_counts || jsonb_build_object('target', 'rollup',
    'grain', case v_m[2] when 'hourly' then 'hour' when 'daily' then 'day' else 'month' end,
    'bucket', v_bucket, 'scope', v_m[5], 'scopeId', lower(v_m[1]), 'model', v_m[3]));
end
$$;
comment on function relaypg.crs_usage_contribution(text, jsonb, text, date) is
  'What a CRS usage key (usage:*, account_usage:*) adds to the ledger and rollups (buckets read in p_time_zone; p_reference: the cut-off''s local day, for CRS''s W01 labels), or {"skip": why}. IMBAD.';

create function api.import_crs_usage(p_redis_key text, p_value jsonb, p_cut_off timestamptz default now())
returns api.import_result
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_contribution jsonb;
  v_fingerprint text;
  v_previous relaypg.crs_usage_imports;
  v_keys uuid[];
begin
  if p_cut_off is null or p_cut_off > now() then
    perform relaypg.raise_invalid('cut_off', 'must be an instant, not in the future');
  end if;
  if jsonb_typeof(p_value) is distinct from 'object' then
    perform relaypg.raise_invalid('value', 'must be a hash as an object (a string value as {"value": ...})');
  end if;
  v_contribution := relaypg.crs_usage_contribution(p_redis_key, p_value, relaypg.usage_time_zone(),
                                                   (p_cut_off at time zone relaypg.usage_time_zone())::date);
  if jsonb_typeof(v_contribution) = 'object' then
    return (null, 'skipped', array[v_contribution ->> 'skip'])::api.import_result;
  end if;
  v_fingerprint := md5(p_value::text);
  select i.* into v_previous from relaypg.crs_usage_imports i where i.redis_key = p_redis_key for update;
  if found and v_previous.fingerprint = v_fingerprint then
    return (null, 'unchanged', '{}')::api.import_result;
  end if;
  if found then
    perform relaypg.apply_usage_contribution(v_previous.contribution, -1);
  end if;
  perform relaypg.apply_usage_contribution(v_contribution, 1);
  insert into relaypg.crs_usage_imports (redis_key, fingerprint, contribution, cut_off)
  values (p_redis_key, v_fingerprint, v_contribution, p_cut_off)
  on conflict (redis_key) do update set fingerprint = excluded.fingerprint, contribution = excluded.contribution,
                                        cut_off = excluded.cut_off, imported_at = now();
  -- The key's figures now hold CRS's history up to the cut-off.
  v_keys := array(select distinct coalesce(e ->> 'apiKeyId', e ->> 'scopeId')::uuid from jsonb_array_elements(v_contribution) e
                    where e ? 'apiKeyId' or e ->> 'scope' = 'key');
  insert into relaypg.api_key_usage as u (api_key_id, baseline_cut_off)
  select k, p_cut_off from unnest(v_keys) k
  on conflict (api_key_id) do update set baseline_cut_off = greatest(u.baseline_cut_off, excluded.baseline_cut_off);
  return (null, case when v_previous.redis_key is null then 'inserted' else 'updated' end, '{}')::api.import_result;
end
$$;
comment on function api.import_crs_usage(text, jsonb, timestamptz) is
  'Imports one CRS usage key (its hash, or {"value": string}) as a baseline: its contribution to the ledger and rollups replaces what the same key added before; events of its keys that occurred before p_cut_off are not recorded afterwards. RVINV, IMBAD.';
grant execute on function api.import_crs_usage(text, jsonb, timestamptz) to :DATABASE_APP_USER;
