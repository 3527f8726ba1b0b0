--! Previous: sha1:b7b34af44320227f943cfd9bd54f8c78886c3630
--! Hash: sha1:91bf902ea9071a7dc6dc0b6d92e2a0c129e0e6f3
--! Message: accounts

-- accounts: the upstream account pool (every CRS account type), encrypted
-- credentials, state by time, groups, sticky sessions, pending OAuth
-- authorisations, account selection, CRS import of all of it.
-- Idempotent while it is current.sql: drop first, then create.
drop table if exists relaypg.sticky_sessions, relaypg.oauth_sessions, relaypg.account_group_members,
  relaypg.account_groups, relaypg.accounts, relaypg.deleted_accounts, relaypg.scheduled_jobs cascade;
drop type if exists api.account, api.account_group, api.account_selection, api.account_credentials,
  api.oauth_session, api.import_result cascade;
do $$
declare
  v_function regprocedure;
begin
  for v_function in
    select p.oid::regprocedure
      from pg_catalog.pg_proc p
      join pg_catalog.pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('api', 'relaypg')
       and p.proname in (
         'account_can_serve', 'account_credentials', 'account_group_members_notify_change', 'account_secret_names',
         'account_secret_versions', 'account_unavailable_reason', 'account_upstream_model', 'accounts_bump_version',
         'accounts_notify_change', 'apply_account_group_settings', 'apply_account_secrets', 'apply_account_settings',
         'count_accounts', 'create_account', 'create_account_group', 'create_oauth_session',
         'crs_instant', 'crs_model_mapping', 'crs_subscription_plan', 'decrypt_secrets',
         'delete_account', 'delete_account_group', 'encrypt_secrets', 'explain_no_account',
         'forget_scheduled_job', 'get_account', 'get_account_group', 'import_crs_account',
         'import_crs_account_group', 'import_crs_oauth_session', 'import_crs_sticky_session', 'keyring_current_version',
         'keyring_key', 'keys_bound_to', 'kind_platform', 'list_account_groups',
         'list_accounts', 'list_dangling_key_bindings', 'list_scheduled_jobs', 'lock_account',
         'lock_account_group', 'mark_account_blocked', 'mark_account_overloaded', 'mark_account_quota_exceeded',
         'mark_account_rate_limited', 'pause_account', 'purge_expired_sessions', 'record_account_server_error',
         'record_scheduled_job', 'record_session_window', 'record_token_refresh', 'record_token_refresh_failure',
         'release_bindings', 'reset_account_state', 'resume_account', 'rotate_account_secrets',
         'run_maintenance', 'save_account', 'select_account', 'set_account_group_members',
         'setting_model_mapping', 'setting_name', 'setting_proxy', 'take_oauth_session',
         'to_account', 'to_account_group', 'unbind_keys', 'update_account',
         'update_account_group')
  loop
    execute format('drop function %s cascade', v_function);
  end loop;
end
$$;
drop schema if exists crypto cascade;

-- pgcrypto lives in its own schema so that neither `api` nor `relaypg` gains
-- its functions; only the definer functions below (run as the owner) use it.
create schema crypto;
revoke all on schema crypto from public;
create extension pgcrypto with schema crypto;

-- ---------------------------------------------------------------------------
-- Key ring. The service holds the keys and passes them in on each call that
-- reads or writes a secret; the database stores only the version a value was
-- encrypted with. Shape: {"current": 2, "keys": {"2": "...", "1": "..."}}.
-- ---------------------------------------------------------------------------
create function relaypg.keyring_key(p_keyring jsonb, p_version integer)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_key text := p_keyring -> 'keys' ->> p_version::text;
begin
  if v_key is null or char_length(v_key) < 16 then
    raise exception 'no usable secret key of version % in the key ring', p_version
      using errcode = 'ACKEY', hint = 'configure ACCOUNT_SECRET_KEY / ACCOUNT_SECRET_PREVIOUS_KEYS with that version';
  end if;
  return v_key;
end
$$;
comment on function relaypg.keyring_key(jsonb, integer) is
  'The key of one version from a key ring {"current", "keys"}; ACKEY when it is missing or shorter than 16 characters.';

create function relaypg.keyring_current_version(p_keyring jsonb)
returns integer
language plpgsql
immutable
set search_path = ''
as $$
begin
  if jsonb_typeof(p_keyring -> 'current') is distinct from 'number' or (p_keyring ->> 'current') !~ '^[1-9][0-9]{0,8}$' then
    raise exception 'the key ring has no current version' using errcode = 'ACKEY';
  end if;
  return (p_keyring ->> 'current')::integer;
end
$$;
comment on function relaypg.keyring_current_version(jsonb) is 'The current version of a key ring; ACKEY when absent.';

create function relaypg.encrypt_secrets(p_secrets jsonb, p_keyring jsonb)
returns bytea
language sql
volatile
set search_path = ''
as $$
  -- s2k-mode=1 (salted, one pass): the key is a random service secret, not a
  -- password, so iterated key stretching would only slow every read down.
  select crypto.pgp_sym_encrypt(p_secrets::text,
           relaypg.keyring_key(p_keyring, relaypg.keyring_current_version(p_keyring)),
           'cipher-algo=aes256, s2k-mode=1');
$$;
comment on function relaypg.encrypt_secrets(jsonb, jsonb) is 'PGP-encrypts a JSON object of secrets with the key ring''s current key.';

create function relaypg.decrypt_secrets(p_ciphertext bytea, p_version integer, p_keyring jsonb)
returns jsonb
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_ciphertext is null then
    return '{}';
  end if;
  return crypto.pgp_sym_decrypt(p_ciphertext, relaypg.keyring_key(p_keyring, p_version))::jsonb;
exception
  when external_routine_invocation_exception then  -- pgcrypto: "Wrong key or corrupt data"
    raise exception 'secrets cannot be decrypted with key version %', p_version
      using errcode = 'ACKEY', hint = 'the key of that version is not the one the value was encrypted with';
end
$$;
comment on function relaypg.decrypt_secrets(bytea, integer, jsonb) is 'Decrypts a secrets blob with the key of its version; ACKEY on a missing or wrong key.';

-- ---------------------------------------------------------------------------
-- Accounts. One table for every CRS account type: the columns scheduling reads
-- are typed; kind-specific, non-secret configuration is in `options`; secrets
-- are one encrypted JSON object; CRS fields with no use here are in crs_extra.
-- State is interpreted by time: an account is unavailable while one of the
-- *_until columns is in the future (or an admin paused or blocked it), never
-- because a flag was left behind.
-- ---------------------------------------------------------------------------
create function relaypg.kind_platform(p_kind text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case p_kind
    when 'gemini' then 'gemini'
    when 'openai' then 'openai'
    when 'openai-responses' then 'openai'
    when 'azure-openai' then 'azure-openai'
    else 'claude' end;
$$;
comment on function relaypg.kind_platform(text) is 'The platform an account kind serves (Console, CCR and Bedrock serve claude).';

create table relaypg.accounts (
  id                        uuid primary key default gen_random_uuid(),
  kind                      text not null,
  -- Derived from kind (relaypg.kind_platform); a plain column so that whole
  -- rows can be written back.
  platform                  text not null,
  name                      text not null,
  description               text not null default '',
  priority                  integer not null default 50,
  is_active                 boolean not null default true,
  -- An admin pause (CRS schedulable='false' set by hand). Automatic stops are
  -- the *_until columns below.
  is_paused                 boolean not null default false,
  account_type              text not null default 'shared',
  -- Requested model -> upstream model; {} = every model, unmapped.
  model_mapping             jsonb not null default '{}',
  -- Claude subscription ('max', 'pro', 'free'; null = unknown): Opus is not
  -- offered on pro and free.
  subscription_plan         text,
  auto_stop_on_warning      boolean not null default false,
  -- Minutes a rate limit lasts for kinds without an upstream reset time
  -- (Console, CCR, OpenAI-Responses; CRS rateLimitDuration; 0 = never limit).
  rate_limit_minutes        integer not null default 60,
  daily_quota               numeric not null default 0,
  quota_reset_time          time not null default '00:00',
  options                   jsonb not null default '{}',
  proxy                     jsonb,
  -- Secrets: one PGP-encrypted JSON object, the key version it was
  -- encrypted with, and the names present (for masked reads).
  secrets                   bytea,
  secrets_key_version       integer,
  secret_names              text[] not null default '{}',
  -- State by time.
  rate_limited_at           timestamptz,
  rate_limited_until        timestamptz,
  overloaded_until          timestamptz,
  server_error_count        integer not null default 0,
  server_errors_since       timestamptz,
  temp_error_until          timestamptz,
  blocked_reason            text,
  blocked_at                timestamptz,
  error_message             text not null default '',
  token_expires_at          timestamptz,
  last_refresh_at           timestamptz,
  refresh_failed_at         timestamptz,
  refresh_retry_at          timestamptz,
  session_window_start      timestamptz,
  session_window_end        timestamptz,
  session_window_status     text,
  five_hour_stopped_at      timestamptz,
  five_hour_stopped_until   timestamptz,
  quota_stopped_at          timestamptz,
  quota_stopped_until       timestamptz,
  created_at                timestamptz not null default now(),
  updated_at                timestamptz not null default now(),
  last_used_at              timestamptz,
  -- Bumped by trigger on every change other than usage bookkeeping; NOTIFY
  -- relaypg_account_changed carries it so instances drop cached credentials.
  version                   bigint not null default 1,
  crs_extra                 jsonb not null default '{}',
  crs_fingerprint           text,
  crs_synced_version        bigint,
  constraint accounts_kind_is_known check (kind in
    ('claude-official', 'claude-console', 'ccr', 'bedrock', 'gemini', 'openai', 'openai-responses', 'azure-openai')),
  constraint accounts_platform_matches_kind check (platform = relaypg.kind_platform(kind)),
  constraint accounts_name_is_not_blank check (btrim(name) <> ''),
  constraint accounts_priority_is_in_range check (priority between 1 and 100),
  constraint accounts_account_type_is_known check (account_type in ('shared', 'dedicated', 'group')),
  constraint accounts_model_mapping_is_an_object check (jsonb_typeof(model_mapping) = 'object'),
  constraint accounts_subscription_plan_is_known check (subscription_plan in ('max', 'pro', 'free')),
  constraint accounts_rate_limit_minutes_is_not_negative check (rate_limit_minutes >= 0),
  constraint accounts_daily_quota_is_not_negative check (daily_quota >= 0),
  constraint accounts_options_is_an_object check (jsonb_typeof(options) = 'object'),
  constraint accounts_proxy_is_an_object check (jsonb_typeof(proxy) = 'object'),
  constraint accounts_proxy_has_no_password check (not proxy ? 'password'),
  constraint accounts_secrets_have_a_version check ((secrets is null) = (secrets_key_version is null)),
  constraint accounts_blocked_reason_is_known check (blocked_reason in ('unauthorized', 'blocked')),
  constraint accounts_session_window_status_is_known check (session_window_status in ('allowed', 'allowed_warning', 'rejected')),
  constraint accounts_crs_extra_is_an_object check (jsonb_typeof(crs_extra) = 'object')
);
comment on table relaypg.accounts is 'Upstream accounts of every kind (CRS claude:account, claude_console_account, ccr_account, bedrock_account, gemini_account, openai:account, openai_responses_account, azure_openai:account).';
-- last_used_at is written on every pick: it is in no index, so that those
-- updates stay HOT (no new index entries).
create index accounts_kind_priority_idx on relaypg.accounts (kind, priority) where is_active and not is_paused;

create table relaypg.deleted_accounts (
  id         uuid primary key,
  deleted_at timestamptz not null default now()
);
comment on table relaypg.deleted_accounts is 'Tombstones of deleted accounts (the CRS importer refuses these ids).';

create table relaypg.account_groups (
  id          uuid primary key default gen_random_uuid(),
  name        text not null,
  platform    text not null,
  description text not null default '',
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  crs_extra   jsonb not null default '{}',
  -- updated_at as the last import left it: a later change was made in relaypg.
  crs_synced_at timestamptz,
  constraint account_groups_name_is_not_blank check (btrim(name) <> ''),
  constraint account_groups_platform_is_known check (platform in ('claude', 'gemini', 'openai')),
  constraint account_groups_crs_extra_is_an_object check (jsonb_typeof(crs_extra) = 'object')
);
comment on table relaypg.account_groups is 'Account groups (CRS account_group:{id}); a key bound to group:{id} is served by its members only.';

create table relaypg.account_group_members (
  group_id   uuid not null references relaypg.account_groups (id) on delete cascade,
  account_id uuid not null references relaypg.accounts (id) on delete cascade,
  added_at   timestamptz not null default now(),
  primary key (group_id, account_id)
);
comment on table relaypg.account_group_members is 'Group membership (CRS account_group_members:{id}).';
create index account_group_members_account_id_idx on relaypg.account_group_members (account_id);

-- Membership decides which accounts a group-bound key may use: instances
-- that remember selections drop them when it changes (delivered on commit).
create function relaypg.account_group_members_notify_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  perform pg_notify('relaypg_account_group_changed',
    json_build_object('id', coalesce(new.group_id, old.group_id), 'version', 0)::text);
  return null;
end
$$;
comment on function relaypg.account_group_members_notify_change() is
  'AFTER trigger: NOTIFY relaypg_account_group_changed {id: group id} when a group''s membership changes.';
create trigger _900_notify_change after insert or delete on relaypg.account_group_members
  for each row execute function relaypg.account_group_members_notify_change();

-- Sticky routing: a session keeps its account until expires_at. Expired rows
-- are never read and are purged by api.purge_expired_sessions.
create table relaypg.sticky_sessions (
  platform     text not null,
  session_hash text not null,
  account_id   uuid not null references relaypg.accounts (id) on delete cascade,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null,
  primary key (platform, session_hash),
  constraint sticky_sessions_session_hash_is_sane check (char_length(session_hash) between 1 and 128)
);
comment on table relaypg.sticky_sessions is 'Sticky session -> account mappings with their expiry (CRS unified_*_session_mapping:{hash}).';
create index sticky_sessions_expires_at_idx on relaypg.sticky_sessions (expires_at);
create index sticky_sessions_account_id_idx on relaypg.sticky_sessions (account_id);

-- Pending OAuth authorisations (PKCE); the verifier is encrypted like any secret.
create table relaypg.oauth_sessions (
  id                  uuid primary key default gen_random_uuid(),
  platform            text not null default 'claude',
  flow                text not null default 'oauth',
  state               text not null,
  code_challenge      text,
  proxy               jsonb,
  details             jsonb not null default '{}',
  secrets             bytea not null,
  secrets_key_version integer not null,
  created_at          timestamptz not null default now(),
  expires_at          timestamptz not null,
  constraint oauth_sessions_platform_is_known check (platform in ('claude', 'gemini', 'openai')),
  constraint oauth_sessions_flow_is_known check (flow in ('oauth', 'setup-token')),
  constraint oauth_sessions_proxy_has_no_password check (not proxy ? 'password'),
  constraint oauth_sessions_details_is_an_object check (jsonb_typeof(details) = 'object')
);
comment on table relaypg.oauth_sessions is 'Pending OAuth authorisations (CRS oauth:{id}, 10 minutes).';
create index oauth_sessions_expires_at_idx on relaypg.oauth_sessions (expires_at);

-- Which periodic jobs pg_cron runs for this database (written by `relaypg db
-- setup` after migrating); where none is listed the service runs them itself.
-- The database name guards against a copy (CREATE DATABASE ... TEMPLATE)
-- believing the original's jobs are its own.
create table relaypg.scheduled_jobs (
  name          text primary key,
  database_name text not null default current_database(),
  schedule      text not null,
  scheduled_at  timestamptz not null default now()
);
comment on table relaypg.scheduled_jobs is 'Jobs pg_cron runs for this database, recorded by the after-migration setup.';

-- ---------------------------------------------------------------------------
-- Change signal: any change except usage bookkeeping bumps `version`; the
-- AFTER trigger announces it on 'relaypg_account_changed' (on commit).
-- ---------------------------------------------------------------------------
create function relaypg.accounts_bump_version()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  v_bookkeeping constant text[] := array['last_used_at', 'updated_at', 'version', 'server_error_count',
    'server_errors_since', 'session_window_start', 'session_window_end', 'crs_fingerprint', 'crs_synced_version'];
begin
  if (to_jsonb(new) - v_bookkeeping) is distinct from (to_jsonb(old) - v_bookkeeping) then
    new.version := old.version + 1;
    new.updated_at := now();
  end if;
  return new;
end
$$;
comment on function relaypg.accounts_bump_version() is 'BEFORE UPDATE trigger: bumps version (and updated_at) on any change other than usage bookkeeping.';
-- Only statements that set a column other than the bookkeeping ones fire it
-- (a selection's last_used_at update does not pay for the comparison).
create trigger _100_bump_version
  before update of kind, platform, name, description, priority, is_active, is_paused, account_type, model_mapping,
    subscription_plan, auto_stop_on_warning, rate_limit_minutes, daily_quota, quota_reset_time, options, proxy,
    secrets, secrets_key_version, secret_names, rate_limited_at, rate_limited_until, overloaded_until,
    temp_error_until, blocked_reason, blocked_at, error_message, token_expires_at, last_refresh_at,
    refresh_failed_at, refresh_retry_at, session_window_status, five_hour_stopped_at, five_hour_stopped_until,
    quota_stopped_at, quota_stopped_until, created_at, crs_extra
  on relaypg.accounts
  for each row execute function relaypg.accounts_bump_version();

create function relaypg.accounts_notify_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform pg_notify('relaypg_account_changed', json_build_object('id', old.id, 'version', old.version + 1)::text);
  elsif new.version <> old.version then
    perform pg_notify('relaypg_account_changed', json_build_object('id', new.id, 'version', new.version)::text);
  end if;
  return null;
end
$$;
comment on function relaypg.accounts_notify_change() is 'AFTER trigger: NOTIFY relaypg_account_changed {id, version} so instances drop what they hold for the account.';
create trigger _900_notify_change after update on relaypg.accounts
  for each row when (new.version <> old.version) execute function relaypg.accounts_notify_change();
create trigger _901_notify_delete after delete on relaypg.accounts
  for each row execute function relaypg.accounts_notify_change();

-- ---------------------------------------------------------------------------
-- Availability, by time. The one definition scheduling and reads share.
-- ---------------------------------------------------------------------------
create function relaypg.account_unavailable_reason(p_account relaypg.accounts, p_at timestamptz)
returns text
language sql
stable
-- No SET clause: it must stay inlinable (every name in it is qualified).
as $$
  select case
    when not p_account.is_active then 'inactive'
    when p_account.is_paused then 'paused'
    when p_account.blocked_reason is not null then p_account.blocked_reason
    when p_account.rate_limited_until > p_at then 'rate_limited'
    when p_account.overloaded_until > p_at then 'overloaded'
    when p_account.temp_error_until > p_at then 'temp_error'
    when p_account.refresh_retry_at > p_at then 'refresh_failed'
    when p_account.five_hour_stopped_until > p_at then 'five_hour_stopped'
    when p_account.quota_stopped_until > p_at then 'quota_exceeded'
  end;
$$;
comment on function relaypg.account_unavailable_reason(relaypg.accounts, timestamptz) is
  'Why an account cannot be scheduled at p_at (null = available): inactive, paused, unauthorized, blocked, rate_limited, overloaded, temp_error, refresh_failed, five_hour_stopped, quota_exceeded.';

create function relaypg.account_upstream_model(p_account relaypg.accounts, p_model text)
returns text
language sql
stable
-- No SET clause: it must stay inlinable (every name in it is qualified).
as $$
  select case
    when p_model is null or p_model = '' then coalesce(p_model, '')
    when p_account.kind = 'claude-official' and p_account.subscription_plan in ('pro', 'free')
         and lower(p_model) like '%opus%' then null
    when p_account.model_mapping = '{}'::jsonb then p_model
    else p_account.model_mapping ->> p_model
  end;
$$;
comment on function relaypg.account_upstream_model(relaypg.accounts, text) is
  'The upstream model name an account serves p_model as, or null when it does not serve it (Opus on pro/free, unmapped model).';

-- ---------------------------------------------------------------------------
-- Reads. Secrets are only ever named ('********'), never returned, here.
-- ---------------------------------------------------------------------------
create type api.account as (
  id                    uuid,
  kind                  text,
  platform              text,
  name                  text,
  description           text,
  priority              integer,
  is_active             boolean,
  is_paused             boolean,
  account_type          text,
  model_mapping         jsonb,
  subscription_plan     text,
  auto_stop_on_warning  boolean,
  rate_limit_minutes    integer,
  daily_quota           numeric,
  quota_reset_time      text,
  options               jsonb,
  proxy                 jsonb,
  secrets               jsonb,
  secrets_key_version   integer,
  unavailable_reason    text,
  rate_limited_until    timestamptz,
  overloaded_until      timestamptz,
  temp_error_until      timestamptz,
  blocked_reason        text,
  blocked_at            timestamptz,
  error_message         text,
  token_expires_at      timestamptz,
  last_refresh_at       timestamptz,
  refresh_failed_at     timestamptz,
  refresh_retry_at      timestamptz,
  session_window_start  timestamptz,
  session_window_end    timestamptz,
  session_window_status text,
  five_hour_stopped_until timestamptz,
  quota_stopped_until   timestamptz,
  group_ids             uuid[],
  created_at            timestamptz,
  updated_at            timestamptz,
  last_used_at          timestamptz,
  version               bigint
);
comment on type api.account is 'An account as the admin API shows it: secrets masked, state summarised as unavailable_reason.';

create function relaypg.to_account(p_account relaypg.accounts)
returns api.account
language sql
stable
set search_path = ''
as $$
  select p_account.id, p_account.kind, p_account.platform, p_account.name, p_account.description,
         p_account.priority, p_account.is_active, p_account.is_paused, p_account.account_type,
         p_account.model_mapping, p_account.subscription_plan, p_account.auto_stop_on_warning,
         p_account.rate_limit_minutes, p_account.daily_quota, to_char(p_account.quota_reset_time, 'HH24:MI'),
         p_account.options,
         case when p_account.proxy is not null and 'proxyPassword' = any(p_account.secret_names)
              then p_account.proxy || '{"password": "********"}' else p_account.proxy end,
         coalesce((select jsonb_object_agg(n, '********') from unnest(p_account.secret_names) n), '{}'),
         p_account.secrets_key_version,
         relaypg.account_unavailable_reason(p_account, now()),
         p_account.rate_limited_until, p_account.overloaded_until, p_account.temp_error_until,
         p_account.blocked_reason, p_account.blocked_at, p_account.error_message,
         p_account.token_expires_at, p_account.last_refresh_at, p_account.refresh_failed_at, p_account.refresh_retry_at,
         p_account.session_window_start, p_account.session_window_end, p_account.session_window_status,
         p_account.five_hour_stopped_until, p_account.quota_stopped_until,
         coalesce((select array_agg(m.group_id order by m.group_id) from relaypg.account_group_members m
                    where m.account_id = p_account.id), '{}'),
         p_account.created_at, p_account.updated_at, p_account.last_used_at, p_account.version;
$$;
comment on function relaypg.to_account(relaypg.accounts) is 'Maps a row to api.account, masking secrets.';

create function relaypg.lock_account(p_id uuid)
returns relaypg.accounts
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_account relaypg.accounts;
begin
  select a.* into v_account from relaypg.accounts a where a.id = p_id for update;
  if not found then
    raise exception 'account % not found', p_id using errcode = 'ACNFD';
  end if;
  return v_account;
end
$$;
comment on function relaypg.lock_account(uuid) is 'Locks and returns an account row; ACNFD when it does not exist.';

create function api.get_account(p_id uuid)
returns api.account
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_account relaypg.accounts;
begin
  select a.* into v_account from relaypg.accounts a where a.id = p_id;
  if not found then
    raise exception 'account % not found', p_id using errcode = 'ACNFD';
  end if;
  return relaypg.to_account(v_account);
end
$$;
comment on function api.get_account(uuid) is 'One account, secrets masked. ACNFD.';
grant execute on function api.get_account(uuid) to :DATABASE_APP_USER;

create function api.list_accounts(p_platform text, p_kind text, p_group_id uuid, p_limit integer, p_offset integer)
returns setof api.account
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if p_limit is null or p_limit < 1 or p_limit > 500 then
    perform relaypg.raise_invalid('limit', 'must be between 1 and 500');
  end if;
  if p_offset is null or p_offset < 0 then
    perform relaypg.raise_invalid('offset', 'must not be negative');
  end if;
  return query
    select (relaypg.to_account(a)).*
      from relaypg.accounts a
     where (p_platform is null or a.platform = p_platform)
       and (p_kind is null or a.kind = p_kind)
       and (p_group_id is null or exists (select from relaypg.account_group_members m
                                           where m.group_id = p_group_id and m.account_id = a.id))
     order by a.platform, a.priority, a.name, a.id
     limit p_limit offset p_offset;
end
$$;
comment on function api.list_accounts(text, text, uuid, integer, integer) is
  'One page of accounts ordered by platform, priority, name; filters are optional (null = any). Secrets masked.';
grant execute on function api.list_accounts(text, text, uuid, integer, integer) to :DATABASE_APP_USER;

create function api.count_accounts(p_platform text, p_kind text, p_group_id uuid)
returns bigint
language sql
stable
security definer
set search_path = ''
as $$
  select count(*) from relaypg.accounts a
   where (p_platform is null or a.platform = p_platform)
     and (p_kind is null or a.kind = p_kind)
     and (p_group_id is null or exists (select from relaypg.account_group_members m
                                         where m.group_id = p_group_id and m.account_id = a.id));
$$;
comment on function api.count_accounts(text, text, uuid) is 'How many accounts match the list filters (null = any).';
grant execute on function api.count_accounts(text, text, uuid) to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- Writes: settings and secrets, validated field by field (RVINV names it).
-- ---------------------------------------------------------------------------
create function relaypg.account_secret_names(p_kind text)
returns text[]
language sql
immutable
set search_path = ''
as $$
  select case p_kind
    when 'claude-official' then array['accessToken', 'refreshToken', 'claudeAiOauth', 'email', 'password', 'subscriptionInfo']
    when 'gemini' then array['geminiOauth', 'accessToken', 'refreshToken']
    when 'openai' then array['idToken', 'accessToken', 'refreshToken', 'openaiOauth', 'email']
    when 'bedrock' then array['awsCredentials']
    else array['apiKey']
  end || array['proxyPassword'];
$$;
comment on function relaypg.account_secret_names(text) is 'The secret fields an account kind may hold (all kinds: proxyPassword).';

-- Splits a proxy object into its stored form (no password) and the password.
create function relaypg.setting_proxy(p_field text, p_value jsonb, out proxy jsonb, out password text)
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_value is null or jsonb_typeof(p_value) = 'null' then
    return;
  end if;
  if jsonb_typeof(p_value) <> 'object' then
    perform relaypg.raise_invalid(p_field, 'must be an object {type, host, port, username?, password?} or null');
  end if;
  if coalesce(p_value ->> 'type', '') not in ('socks5', 'http', 'https') then
    perform relaypg.raise_invalid(p_field, 'type must be socks5, http or https');
  end if;
  if jsonb_typeof(p_value -> 'host') is distinct from 'string' or btrim(p_value ->> 'host') = '' then
    perform relaypg.raise_invalid(p_field, 'host must be a non-empty string');
  end if;
  if coalesce(p_value ->> 'port', '') !~ '^[0-9]{1,5}$' or (p_value ->> 'port')::integer not between 1 and 65535 then
    perform relaypg.raise_invalid(p_field, 'port must be an integer from 1 to 65535');
  end if;
  if coalesce(jsonb_typeof(p_value -> 'username'), 'string') not in ('string', 'null')
     or coalesce(jsonb_typeof(p_value -> 'password'), 'string') not in ('string', 'null') then
    perform relaypg.raise_invalid(p_field, 'username and password must be strings');
  end if;
  proxy := jsonb_build_object('type', p_value ->> 'type', 'host', p_value ->> 'host', 'port', (p_value ->> 'port')::integer);
  if coalesce(p_value ->> 'username', '') <> '' then
    proxy := proxy || jsonb_build_object('username', p_value ->> 'username');
  end if;
  password := nullif(p_value ->> 'password', '');
end
$$;
comment on function relaypg.setting_proxy(text, jsonb) is 'Validates a proxy object; returns it without its password, and the password apart (stored as the secret proxyPassword).';

create function relaypg.setting_model_mapping(p_field text, p_value jsonb)
returns jsonb
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_entry record;
begin
  if p_value is null or jsonb_typeof(p_value) = 'null' then
    return '{}';
  elsif jsonb_typeof(p_value) = 'array' then  -- a list of models: an identity mapping
    if exists (select from jsonb_array_elements(p_value) e where jsonb_typeof(e) <> 'string' or e #>> '{}' = '') then
      perform relaypg.raise_invalid(p_field, 'must list non-empty model names');
    end if;
    return coalesce((select jsonb_object_agg(e, e) from jsonb_array_elements_text(p_value) e), '{}');
  elsif jsonb_typeof(p_value) <> 'object' then
    perform relaypg.raise_invalid(p_field, 'must be an object {requested: upstream} or an array of model names');
  end if;
  for v_entry in select * from jsonb_each(p_value) loop
    if v_entry.key = '' or jsonb_typeof(v_entry.value) <> 'string' or v_entry.value #>> '{}' = '' then
      perform relaypg.raise_invalid(p_field, 'must map non-empty model names to non-empty model names');
    end if;
  end loop;
  return p_value;
end
$$;
comment on function relaypg.setting_model_mapping(text, jsonb) is 'A model mapping: an object requested -> upstream, or an array (identity); null = every model.';

create function relaypg.setting_name(p_field text, p_value jsonb)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_name text := btrim(relaypg.setting_text(p_field, p_value, false, 200));
begin
  if v_name = '' then
    perform relaypg.raise_invalid(p_field, 'must not be blank');
  end if;
  return v_name;
end
$$;
comment on function relaypg.setting_name(text, jsonb) is 'A display name: a string of at most 200 characters, trimmed, not blank; RVINV otherwise.';

create function relaypg.apply_account_settings(p_account relaypg.accounts, p_settings jsonb)
returns relaypg.accounts
language plpgsql
stable
set search_path = ''
as $$
declare
  v_account relaypg.accounts := p_account;
  v_field text;
  v_value jsonb;
  v_text text;
begin
  if p_settings is null or jsonb_typeof(p_settings) <> 'object' then
    perform relaypg.raise_invalid('settings', 'must be a JSON object');
  end if;
  for v_field, v_value in select * from jsonb_each(p_settings) loop
    case v_field
      when 'name' then
        v_account.name := relaypg.setting_name(v_field, v_value);
      when 'description' then
        v_account.description := coalesce(relaypg.setting_text(v_field, v_value, true, 2000), '');
      when 'priority' then
        v_account.priority := relaypg.setting_count(v_field, v_value, 100);
        if v_account.priority < 1 then
          perform relaypg.raise_invalid(v_field, 'must be between 1 and 100');
        end if;
      when 'is_active' then
        v_account.is_active := relaypg.setting_boolean(v_field, v_value);
      when 'is_paused' then
        v_account.is_paused := relaypg.setting_boolean(v_field, v_value);
      when 'account_type' then
        v_text := relaypg.setting_text(v_field, v_value, false, 20);
        if v_text not in ('shared', 'dedicated', 'group') then
          perform relaypg.raise_invalid(v_field, 'must be shared, dedicated or group');
        end if;
        v_account.account_type := v_text;
      when 'model_mapping' then
        v_account.model_mapping := relaypg.setting_model_mapping(v_field, v_value);
      when 'subscription_plan' then
        v_text := relaypg.setting_text(v_field, v_value, true, 10);
        if v_text not in ('max', 'pro', 'free') then
          perform relaypg.raise_invalid(v_field, 'must be max, pro, free or null');
        end if;
        v_account.subscription_plan := v_text;
      when 'auto_stop_on_warning' then
        v_account.auto_stop_on_warning := relaypg.setting_boolean(v_field, v_value);
      when 'rate_limit_minutes' then
        v_account.rate_limit_minutes := relaypg.setting_count(v_field, v_value, 10080);
      when 'daily_quota' then
        v_account.daily_quota := relaypg.setting_money(v_field, v_value);
      when 'quota_reset_time' then
        v_text := relaypg.setting_text(v_field, v_value, false, 5);
        if v_text !~ '^([01][0-9]|2[0-3]):[0-5][0-9]$' then
          perform relaypg.raise_invalid(v_field, 'must be HH:MM');
        end if;
        v_account.quota_reset_time := v_text::time;
      when 'token_expires_at' then
        v_account.token_expires_at := relaypg.setting_timestamptz(v_field, v_value);
      when 'options' then
        if jsonb_typeof(v_value) is distinct from 'object' then
          perform relaypg.raise_invalid(v_field, 'must be a JSON object');
        end if;
        if exists (select from jsonb_object_keys(v_value) k where k = any(relaypg.account_secret_names(v_account.kind))) then
          perform relaypg.raise_invalid(v_field, 'must not hold secrets: pass them as secrets');
        end if;
        v_account.options := v_value;
      when 'proxy' then
        null;  -- handled with the secrets (its password is one)
      else
        perform relaypg.raise_invalid(v_field, 'is not an account setting');
    end case;
  end loop;
  if v_account.kind in ('claude-console', 'ccr') and coalesce(v_account.options ->> 'apiUrl', '') !~ '^https?://' then
    perform relaypg.raise_invalid('options.apiUrl', format('a %s account needs an http(s) apiUrl', v_account.kind));
  end if;
  return v_account;
end
$$;
comment on function relaypg.apply_account_settings(relaypg.accounts, jsonb) is
  'Applies a settings object to an account row; RVINV names the first bad field. The proxy is applied with the secrets.';

-- Merges secret changes ({name: value | null}) into the encrypted blob; a
-- setting `proxy` is split so that its password is stored as a secret.
create function relaypg.apply_account_secrets(
  p_account relaypg.accounts, p_proxy jsonb, p_changes jsonb, p_keyring jsonb)
returns relaypg.accounts
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_account relaypg.accounts := p_account;
  v_secrets jsonb;
  v_name text;
  v_value jsonb;
  v_proxy record;
begin
  if p_changes is not null and jsonb_typeof(p_changes) <> 'object' then
    perform relaypg.raise_invalid('secrets', 'must be a JSON object');
  end if;
  if p_proxy is null and coalesce(p_changes, '{}') = '{}' then
    return v_account;
  end if;
  v_secrets := relaypg.decrypt_secrets(v_account.secrets, v_account.secrets_key_version, p_keyring);
  for v_name, v_value in select * from jsonb_each(coalesce(p_changes, '{}')) loop
    if not v_name = any(relaypg.account_secret_names(v_account.kind)) then
      perform relaypg.raise_invalid('secrets.' || v_name,
        format('is not a secret of a %s account (%s)', v_account.kind, array_to_string(relaypg.account_secret_names(v_account.kind), ', ')));
    end if;
    if v_value = '"********"' then
      continue;  -- the mask a read showed: keep the stored value
    elsif jsonb_typeof(v_value) = 'null' or v_value = '""' then
      v_secrets := v_secrets - v_name;
    elsif jsonb_typeof(v_value) = 'string' or (jsonb_typeof(v_value) = 'object' and v_name in ('awsCredentials', 'claudeAiOauth', 'geminiOauth', 'openaiOauth')) then
      v_secrets := v_secrets || jsonb_build_object(v_name, v_value);
    else
      perform relaypg.raise_invalid('secrets.' || v_name, 'must be a string (or null to remove it)');
    end if;
  end loop;
  if p_proxy is not null then  -- 'null'::jsonb removes the proxy
    select * into v_proxy from relaypg.setting_proxy('proxy', p_proxy);
    v_account.proxy := v_proxy.proxy;
    v_secrets := case when v_proxy.password = '********' then v_secrets  -- the mask a read showed: keep it
                      when v_proxy.password is null then v_secrets - 'proxyPassword'
                      else v_secrets || jsonb_build_object('proxyPassword', v_proxy.password) end;
  end if;
  v_account.secret_names := coalesce((select array_agg(k order by k) from jsonb_object_keys(v_secrets) k), '{}');
  if v_secrets = '{}' then
    v_account.secrets := null;
    v_account.secrets_key_version := null;
  else
    v_account.secrets := relaypg.encrypt_secrets(v_secrets, p_keyring);
    v_account.secrets_key_version := relaypg.keyring_current_version(p_keyring);
  end if;
  return v_account;
end
$$;
comment on function relaypg.apply_account_secrets(relaypg.accounts, jsonb, jsonb, jsonb) is
  'Merges secret changes (null removes) and a proxy (its password becomes the secret proxyPassword) into the encrypted blob, re-encrypted with the current key.';

-- Writes a whole account row back (every column but the id and generated ones).
create function relaypg.save_account(p_account relaypg.accounts)
returns relaypg.accounts
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_saved relaypg.accounts;
begin
  update relaypg.accounts a set
    kind = p_account.kind, name = p_account.name, description = p_account.description,
    priority = p_account.priority, is_active = p_account.is_active, is_paused = p_account.is_paused,
    account_type = p_account.account_type, model_mapping = p_account.model_mapping,
    subscription_plan = p_account.subscription_plan, auto_stop_on_warning = p_account.auto_stop_on_warning,
    rate_limit_minutes = p_account.rate_limit_minutes, daily_quota = p_account.daily_quota,
    quota_reset_time = p_account.quota_reset_time, options = p_account.options, proxy = p_account.proxy,
    secrets = p_account.secrets, secrets_key_version = p_account.secrets_key_version,
    secret_names = p_account.secret_names,
    rate_limited_at = p_account.rate_limited_at, rate_limited_until = p_account.rate_limited_until,
    overloaded_until = p_account.overloaded_until, server_error_count = p_account.server_error_count,
    server_errors_since = p_account.server_errors_since, temp_error_until = p_account.temp_error_until,
    blocked_reason = p_account.blocked_reason, blocked_at = p_account.blocked_at,
    error_message = p_account.error_message, token_expires_at = p_account.token_expires_at,
    last_refresh_at = p_account.last_refresh_at, refresh_failed_at = p_account.refresh_failed_at,
    refresh_retry_at = p_account.refresh_retry_at, session_window_start = p_account.session_window_start,
    session_window_end = p_account.session_window_end, session_window_status = p_account.session_window_status,
    five_hour_stopped_at = p_account.five_hour_stopped_at, five_hour_stopped_until = p_account.five_hour_stopped_until,
    quota_stopped_at = p_account.quota_stopped_at, quota_stopped_until = p_account.quota_stopped_until,
    created_at = p_account.created_at, last_used_at = p_account.last_used_at,
    crs_extra = p_account.crs_extra, crs_fingerprint = p_account.crs_fingerprint,
    crs_synced_version = p_account.crs_synced_version
  where a.id = p_account.id
  returning a.* into v_saved;
  return v_saved;
end
$$;
comment on function relaypg.save_account(relaypg.accounts) is 'Writes every column of an account row back (the trigger decides the version bump).';

create function api.create_account(p_kind text, p_settings jsonb, p_secrets jsonb, p_keyring jsonb)
returns api.account
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_account relaypg.accounts;
begin
  if p_kind is null or p_kind not in
     ('claude-official', 'claude-console', 'ccr', 'bedrock', 'gemini', 'openai', 'openai-responses', 'azure-openai') then
    perform relaypg.raise_invalid('kind',
      'must be one of claude-official, claude-console, ccr, bedrock, gemini, openai, openai-responses, azure-openai');
  end if;
  if p_settings is null or jsonb_typeof(p_settings) <> 'object' or not p_settings ? 'name' then
    perform relaypg.raise_invalid('name', 'is required');
  end if;
  v_account.kind := p_kind;
  v_account.platform := relaypg.kind_platform(p_kind);
  v_account.id := gen_random_uuid();
  v_account.description := '';
  v_account.priority := 50;
  v_account.is_active := true;
  v_account.is_paused := false;
  v_account.account_type := 'shared';
  v_account.model_mapping := '{}';
  v_account.auto_stop_on_warning := false;
  v_account.rate_limit_minutes := 60;
  v_account.daily_quota := 0;
  v_account.quota_reset_time := '00:00';
  v_account.options := '{}';
  v_account.secret_names := '{}';
  v_account.server_error_count := 0;
  v_account.error_message := '';
  v_account.crs_extra := '{}';
  v_account := relaypg.apply_account_settings(v_account, p_settings);
  v_account := relaypg.apply_account_secrets(v_account, p_settings -> 'proxy', p_secrets, p_keyring);
  v_account.created_at := now();
  v_account.updated_at := now();
  v_account.version := 1;
  insert into relaypg.accounts select (v_account).*;
  return relaypg.to_account(v_account);
end
$$;
comment on function api.create_account(text, jsonb, jsonb, jsonb) is
  'Creates an account of a kind; settings are validated (RVINV), secrets encrypted with the key ring''s current key (ACKEY).';
grant execute on function api.create_account(text, jsonb, jsonb, jsonb) to :DATABASE_APP_USER;

create function api.update_account(p_id uuid, p_changes jsonb, p_secrets jsonb, p_keyring jsonb)
returns api.account
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  v_account := relaypg.apply_account_settings(v_account, coalesce(p_changes, '{}'));
  v_account := relaypg.apply_account_secrets(v_account, p_changes -> 'proxy', p_secrets, p_keyring);
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;
comment on function api.update_account(uuid, jsonb, jsonb, jsonb) is
  'Partial update of settings and secrets (a secret set to null is removed). ACNFD, RVINV, ACKEY.';
grant execute on function api.update_account(uuid, jsonb, jsonb, jsonb) to :DATABASE_APP_USER;

-- Keys bound to an account or group: CRS stores the binding as text in the
-- key ('<id>', 'group:<id>', 'responses:<id>').
create function relaypg.keys_bound_to(p_target text)
returns setof uuid
language sql
stable
set search_path = ''
as $$
  -- Bindings are free text from CRS: compared without regard to case, as
  -- api.select_account reads them.
  select k.id from relaypg.api_keys k
   where lower(p_target) in (lower(k.claude_account_id), lower(k.claude_console_account_id), lower(k.gemini_account_id),
                             lower(k.openai_account_id), lower(k.azure_openai_account_id), lower(k.bedrock_account_id))
      or lower(k.openai_account_id) = 'responses:' || lower(p_target);
$$;
comment on function relaypg.keys_bound_to(text) is 'Ids of the keys whose binding names p_target (an account id or group:<id>).';

create function relaypg.unbind_keys(p_target text)
returns integer
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_count integer;
begin
  update relaypg.api_keys k set
    claude_account_id = case when lower(k.claude_account_id) = lower(p_target) then null else k.claude_account_id end,
    claude_console_account_id = case when lower(k.claude_console_account_id) = lower(p_target) then null else k.claude_console_account_id end,
    gemini_account_id = case when lower(k.gemini_account_id) = lower(p_target) then null else k.gemini_account_id end,
    openai_account_id = case when lower(k.openai_account_id) in (lower(p_target), 'responses:' || lower(p_target)) then null
                             else k.openai_account_id end,
    azure_openai_account_id = case when lower(k.azure_openai_account_id) = lower(p_target) then null else k.azure_openai_account_id end,
    bedrock_account_id = case when lower(k.bedrock_account_id) = lower(p_target) then null else k.bedrock_account_id end,
    updated_at = now()
  where k.id in (select relaypg.keys_bound_to(p_target));
  get diagnostics v_count = row_count;
  return v_count;
end
$$;
comment on function relaypg.unbind_keys(text) is 'Clears every key binding that names p_target; the keys fall back to the shared pool. Returns how many keys changed.';

-- Before an account or group is deleted: refuse while keys are bound to it
-- (ACBND, listing them) unless asked to unbind them. Returns how many keys
-- were unbound.
create function relaypg.release_bindings(p_target text, p_what text, p_unbind_keys boolean)
returns integer
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_bound uuid[];
begin
  select array_agg(k order by k) into v_bound from relaypg.keys_bound_to(p_target) k;
  if v_bound is null then
    return 0;
  end if;
  if not coalesce(p_unbind_keys, false) then
    raise exception '% is bound to % API key(s)', p_what, cardinality(v_bound)
      using errcode = 'ACBND', detail = array_to_string(v_bound, ', '),
            hint = 'rebind those keys first, or delete with unbind_keys to send them to the shared pool';
  end if;
  return relaypg.unbind_keys(p_target);
end
$$;
comment on function relaypg.release_bindings(text, text, boolean) is
  'ACBND (detail: the key ids) while keys are bound to p_target, unless p_unbind_keys: then unbinds them and returns how many.';

create function api.delete_account(p_id uuid, p_unbind_keys boolean default false)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_unbound integer;
begin
  perform relaypg.lock_account(p_id);
  v_unbound := relaypg.release_bindings(p_id::text, format('account %s', p_id), p_unbind_keys);
  delete from relaypg.accounts a where a.id = p_id;
  insert into relaypg.deleted_accounts (id) values (p_id) on conflict (id) do update set deleted_at = now();
  return v_unbound;
end
$$;
comment on function api.delete_account(uuid, boolean) is
  'Deletes an account (its sticky sessions and group memberships go with it; a tombstone keeps the CRS importer from bringing it back). ACBND while keys are bound to it unless p_unbind_keys; returns how many keys were unbound. ACNFD.';
grant execute on function api.delete_account(uuid, boolean) to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- Credentials: the only function that returns decrypted secrets, for the
-- account the relay selected.
-- ---------------------------------------------------------------------------
create type api.account_credentials as (
  account_id uuid,
  kind       text,
  version    bigint,
  secrets    jsonb,
  proxy      jsonb,
  options    jsonb
);
comment on type api.account_credentials is 'Decrypted credentials of one account, with its proxy (password included) and options.';

create function api.account_credentials(p_id uuid, p_keyring jsonb)
returns api.account_credentials
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_account relaypg.accounts;
  v_secrets jsonb;
begin
  select a.* into v_account from relaypg.accounts a where a.id = p_id;
  if not found then
    raise exception 'account % not found', p_id using errcode = 'ACNFD';
  end if;
  v_secrets := relaypg.decrypt_secrets(v_account.secrets, v_account.secrets_key_version, p_keyring);
  return (v_account.id, v_account.kind, v_account.version, v_secrets - 'proxyPassword',
          case when v_account.proxy is not null and v_secrets ? 'proxyPassword'
               then v_account.proxy || jsonb_build_object('password', v_secrets ->> 'proxyPassword')
               else v_account.proxy end,
          v_account.options)::api.account_credentials;
end
$$;
comment on function api.account_credentials(uuid, jsonb) is
  'Decrypted secrets of one account (for the relay''s selected account only). ACNFD, ACKEY.';
grant execute on function api.account_credentials(uuid, jsonb) to :DATABASE_APP_USER;

create function api.rotate_account_secrets(p_keyring jsonb, p_batch_size integer default 100)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_current integer := relaypg.keyring_current_version(p_keyring);
  v_count integer := 0;
  v_row record;
begin
  if p_batch_size is null or p_batch_size < 1 or p_batch_size > 10000 then
    perform relaypg.raise_invalid('batch_size', 'must be between 1 and 10000');
  end if;
  -- Rows in use by another transaction are skipped, not waited for: the next
  -- batch picks them up. Reads keep working throughout (every version stays
  -- decryptable while its key is in the ring).
  for v_row in
    select a.id, a.secrets, a.secrets_key_version from relaypg.accounts a
     where a.secrets is not null and a.secrets_key_version <> v_current
     order by a.id limit p_batch_size for update skip locked
  loop
    update relaypg.accounts a
       set secrets = relaypg.encrypt_secrets(relaypg.decrypt_secrets(v_row.secrets, v_row.secrets_key_version, p_keyring), p_keyring),
           secrets_key_version = v_current
     where a.id = v_row.id;
    v_count := v_count + 1;
  end loop;
  for v_row in
    select o.id, o.secrets, o.secrets_key_version from relaypg.oauth_sessions o
     where o.secrets_key_version <> v_current
     order by o.id limit greatest(p_batch_size - v_count, 0) for update skip locked
  loop
    update relaypg.oauth_sessions o
       set secrets = relaypg.encrypt_secrets(relaypg.decrypt_secrets(v_row.secrets, v_row.secrets_key_version, p_keyring), p_keyring),
           secrets_key_version = v_current
     where o.id = v_row.id;
    v_count := v_count + 1;
  end loop;
  return v_count;
end
$$;
comment on function api.rotate_account_secrets(jsonb, integer) is
  'Re-encrypts up to p_batch_size secret blobs (accounts, then pending OAuth sessions) not yet under the current key; returns how many. Call until it returns 0. ACKEY.';
grant execute on function api.rotate_account_secrets(jsonb, integer) to :DATABASE_APP_USER;

create function api.account_secret_versions()
returns table (key_version integer, accounts bigint)
language sql
stable
security definer
set search_path = ''
as $$
  select v, count(*) from (
    select a.secrets_key_version v from relaypg.accounts a where a.secrets is not null
    union all
    select o.secrets_key_version from relaypg.oauth_sessions o
  ) s group by v order by v;
$$;
comment on function api.account_secret_versions() is 'How many secret blobs each key version encrypts (a rotation is done when only the current one is left).';
grant execute on function api.account_secret_versions() to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- State changes: one function each. Every one locks the row, applies a rule
-- by time and returns the account.
-- ---------------------------------------------------------------------------
create function api.pause_account(p_id uuid)
returns api.account
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  v_account.is_paused := true;
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;
comment on function api.pause_account(uuid) is 'Admin pause: the account is not scheduled until resumed. ACNFD.';
grant execute on function api.pause_account(uuid) to :DATABASE_APP_USER;

create function api.resume_account(p_id uuid)
returns api.account
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  v_account.is_paused := false;
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;
comment on function api.resume_account(uuid) is 'Ends an admin pause (automatic stops keep their own end times). ACNFD.';
grant execute on function api.resume_account(uuid) to :DATABASE_APP_USER;

create function api.mark_account_rate_limited(p_id uuid, p_reset_at timestamptz default null)
returns api.account
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  if v_account.kind in ('claude-console', 'ccr', 'openai-responses', 'openai') and v_account.rate_limit_minutes = 0 then
    return relaypg.to_account(v_account);  -- rate limiting is switched off for this account
  end if;
  v_account.rate_limited_at := now();
  v_account.rate_limited_until := case
    when p_reset_at > now() then p_reset_at
    when v_account.kind in ('claude-console', 'ccr', 'openai-responses', 'openai') then now() + make_interval(mins => v_account.rate_limit_minutes)
    when v_account.session_window_end > now() then v_account.session_window_end
    else now() + interval '1 hour' end;
  v_account.error_message := format('rate limited until %s', relaypg.iso_timestamp(v_account.rate_limited_until));
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;
comment on function api.mark_account_rate_limited(uuid, timestamptz) is
  'Upstream 429: unavailable until the upstream reset time, else (Console/CCR/OpenAI/Responses) rate_limit_minutes (0: never limited), else the session window end, else one hour. ACNFD.';
grant execute on function api.mark_account_rate_limited(uuid, timestamptz) to :DATABASE_APP_USER;

create function api.mark_account_overloaded(p_id uuid, p_minutes integer default 10)
returns api.account
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  if p_minutes is null or p_minutes < 1 or p_minutes > 1440 then
    perform relaypg.raise_invalid('minutes', 'must be between 1 and 1440');
  end if;
  v_account.overloaded_until := now() + make_interval(mins => p_minutes);
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;
comment on function api.mark_account_overloaded(uuid, integer) is 'Upstream 529: unavailable for p_minutes (default 10). ACNFD, RVINV.';
grant execute on function api.mark_account_overloaded(uuid, integer) to :DATABASE_APP_USER;

create function api.record_account_server_error(
  p_id uuid, p_threshold integer default 3, p_window interval default '5 minutes', p_recovery interval default '5 minutes')
returns api.account
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  if p_threshold is null or p_threshold < 1 then
    perform relaypg.raise_invalid('threshold', 'must be at least 1');
  end if;
  if p_window is null or p_window <= interval '0' then
    perform relaypg.raise_invalid('window', 'must be a positive interval');
  end if;
  if p_recovery is null or p_recovery <= interval '0' then
    perform relaypg.raise_invalid('recovery', 'must be a positive interval');
  end if;
  if v_account.server_errors_since is null or v_account.server_errors_since <= now() - p_window then
    v_account.server_errors_since := now();
    v_account.server_error_count := 0;
  end if;
  v_account.server_error_count := v_account.server_error_count + 1;
  if v_account.server_error_count > p_threshold then
    v_account.temp_error_until := now() + p_recovery;
    v_account.error_message := format('%s upstream 5xx errors since %s', v_account.server_error_count,
                                      relaypg.iso_timestamp(v_account.server_errors_since));
    v_account.server_error_count := 0;
    v_account.server_errors_since := null;
  end if;
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;
comment on function api.record_account_server_error(uuid, integer, interval, interval) is
  'Counts an upstream 5xx; more than p_threshold within p_window makes the account unavailable for p_recovery, after which it recovers by itself. ACNFD, RVINV.';
grant execute on function api.record_account_server_error(uuid, integer, interval, interval) to :DATABASE_APP_USER;

create function api.mark_account_blocked(p_id uuid, p_reason text, p_message text default '')
returns api.account
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  if p_reason is null or p_reason not in ('unauthorized', 'blocked') then
    perform relaypg.raise_invalid('reason', 'must be unauthorized (401) or blocked (403)');
  end if;
  v_account.blocked_reason := p_reason;
  v_account.blocked_at := now();
  v_account.error_message := left(coalesce(p_message, ''), 2000);
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;
comment on function api.mark_account_blocked(uuid, text, text) is
  'Upstream 401/403: unavailable until an admin resets the account. ACNFD, RVINV.';
grant execute on function api.mark_account_blocked(uuid, text, text) to :DATABASE_APP_USER;

create function api.reset_account_state(p_id uuid)
returns api.account
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  v_account.rate_limited_at := null;
  v_account.rate_limited_until := null;
  v_account.overloaded_until := null;
  v_account.server_error_count := 0;
  v_account.server_errors_since := null;
  v_account.temp_error_until := null;
  v_account.blocked_reason := null;
  v_account.blocked_at := null;
  v_account.refresh_failed_at := null;
  v_account.refresh_retry_at := null;
  v_account.five_hour_stopped_at := null;
  v_account.five_hour_stopped_until := null;
  v_account.quota_stopped_at := null;
  v_account.quota_stopped_until := null;
  v_account.error_message := '';
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;
comment on function api.reset_account_state(uuid) is
  'Admin reset: clears every automatic state (rate limit, overload, 5xx, 401/403, refresh failure, 5-hour stop, quota stop). An admin pause stays. ACNFD.';
grant execute on function api.reset_account_state(uuid) to :DATABASE_APP_USER;

create function api.record_token_refresh(
  p_id uuid, p_expires_at timestamptz, p_tokens jsonb, p_keyring jsonb, p_subscription_plan text default null)
returns api.account
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  if p_expires_at is null then
    perform relaypg.raise_invalid('expires_at', 'is required');
  end if;
  -- A refresh replaces tokens; it never removes one (null/'' would, in apply_account_secrets).
  if p_tokens is null or jsonb_typeof(p_tokens) <> 'object' or coalesce(p_tokens ->> 'accessToken', '') = ''
     or exists (select from jsonb_each(p_tokens) t where jsonb_typeof(t.value) <> 'string' or t.value = '""') then
    perform relaypg.raise_invalid('tokens', 'must be an object of non-empty strings, with at least accessToken');
  end if;
  v_account := relaypg.apply_account_secrets(v_account, null, p_tokens, p_keyring);
  v_account.token_expires_at := p_expires_at;
  v_account.last_refresh_at := now();
  v_account.refresh_failed_at := null;
  v_account.refresh_retry_at := null;
  if v_account.blocked_reason is null then  -- a 401/403's message stays until an admin reset
    v_account.error_message := '';
  end if;
  if p_subscription_plan is not null then
    v_account := relaypg.apply_account_settings(v_account, jsonb_build_object('subscription_plan', p_subscription_plan));
  end if;
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;
comment on function api.record_token_refresh(uuid, timestamptz, jsonb, jsonb, text) is
  'A successful OAuth refresh: new tokens (encrypted), their expiry, last refresh time; clears a refresh failure. ACNFD, RVINV, ACKEY.';
grant execute on function api.record_token_refresh(uuid, timestamptz, jsonb, jsonb, text) to :DATABASE_APP_USER;

create function api.record_token_refresh_failure(p_id uuid, p_message text, p_retry_after interval default '10 minutes')
returns api.account
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  if p_retry_after is null or p_retry_after <= interval '0' then
    perform relaypg.raise_invalid('retry_after', 'must be a positive interval');
  end if;
  v_account.refresh_failed_at := now();
  v_account.refresh_retry_at := now() + p_retry_after;
  v_account.error_message := left(coalesce(p_message, ''), 2000);
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;
comment on function api.record_token_refresh_failure(uuid, text, interval) is
  'A failed OAuth refresh: the account is unavailable until now + p_retry_after, then retried automatically. ACNFD, RVINV.';
grant execute on function api.record_token_refresh_failure(uuid, text, interval) to :DATABASE_APP_USER;

create function api.record_session_window(p_id uuid, p_status text)
returns api.account
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  if p_status is not null and p_status not in ('allowed', 'allowed_warning', 'rejected') then
    perform relaypg.raise_invalid('status', 'must be allowed, allowed_warning or rejected');
  end if;
  -- A request outside the current 5-hour window opens a new one, starting on
  -- the hour (UTC; CRS used the server's local hour).
  if v_account.session_window_end is null or v_account.session_window_end <= now() then
    v_account.session_window_start := date_trunc('hour', now(), 'UTC');
    v_account.session_window_end := v_account.session_window_start + interval '5 hours';
  end if;
  if p_status is not null then
    v_account.session_window_status := p_status;
    if p_status = 'allowed_warning' and v_account.auto_stop_on_warning then
      -- Stopped until this window ends; it resumes by itself in the next one.
      v_account.five_hour_stopped_at := now();
      v_account.five_hour_stopped_until := v_account.session_window_end;
    end if;
  end if;
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;
comment on function api.record_session_window(uuid, text) is
  'Claude 5-hour window bookkeeping from a response: opens a new window when the last one ended, stores the unified 5h status, and auto-stops the account until the window ends on allowed_warning when auto_stop_on_warning. ACNFD, RVINV.';
grant execute on function api.record_session_window(uuid, text) to :DATABASE_APP_USER;

create function api.mark_account_quota_exceeded(p_id uuid, p_time_zone text default 'UTC')
returns api.account
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
  v_local timestamp;
begin
  if p_time_zone is null or not exists (select from pg_catalog.pg_timezone_names z where z.name = p_time_zone) then
    perform relaypg.raise_invalid('time_zone', 'must be an IANA time zone name');
  end if;
  -- The next quota_reset_time in the account's time zone.
  v_local := (now() at time zone p_time_zone)::date + v_account.quota_reset_time;
  if v_local <= (now() at time zone p_time_zone) then
    v_local := v_local + interval '1 day';
  end if;
  v_account.quota_stopped_at := now();
  v_account.quota_stopped_until := v_local at time zone p_time_zone;
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;
comment on function api.mark_account_quota_exceeded(uuid, text) is
  'Daily quota reached: unavailable until the next quota_reset_time in p_time_zone. ACNFD, RVINV.';
grant execute on function api.mark_account_quota_exceeded(uuid, text) to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- Groups
-- ---------------------------------------------------------------------------
create type api.account_group as (
  id          uuid,
  name        text,
  platform    text,
  description text,
  member_ids  uuid[],
  created_at  timestamptz,
  updated_at  timestamptz
);
comment on type api.account_group is 'An account group with its members.';

create function relaypg.to_account_group(p_group relaypg.account_groups)
returns api.account_group
language sql
stable
set search_path = ''
as $$
  select p_group.id, p_group.name, p_group.platform, p_group.description,
         coalesce((select array_agg(m.account_id order by m.account_id) from relaypg.account_group_members m
                    where m.group_id = p_group.id), '{}'),
         p_group.created_at, p_group.updated_at;
$$;
comment on function relaypg.to_account_group(relaypg.account_groups) is 'Maps a group row to api.account_group.';

create function relaypg.lock_account_group(p_id uuid)
returns relaypg.account_groups
language plpgsql volatile set search_path = ''
as $$
declare
  v_group relaypg.account_groups;
begin
  select g.* into v_group from relaypg.account_groups g where g.id = p_id for update;
  if not found then
    raise exception 'account group % not found', p_id using errcode = 'GRNFD';
  end if;
  return v_group;
end
$$;
comment on function relaypg.lock_account_group(uuid) is 'Locks and returns a group; GRNFD when it does not exist.';

create function relaypg.apply_account_group_settings(p_group relaypg.account_groups, p_settings jsonb)
returns relaypg.account_groups
language plpgsql stable set search_path = ''
as $$
declare
  v_group relaypg.account_groups := p_group;
  v_field text;
  v_value jsonb;
begin
  if p_settings is null or jsonb_typeof(p_settings) <> 'object' then
    perform relaypg.raise_invalid('settings', 'must be a JSON object');
  end if;
  for v_field, v_value in select * from jsonb_each(p_settings) loop
    case v_field
      when 'name' then
        v_group.name := relaypg.setting_name(v_field, v_value);
      when 'description' then
        v_group.description := coalesce(relaypg.setting_text(v_field, v_value, true, 2000), '');
      when 'platform' then
        if p_group.id is not null and exists (select from relaypg.account_group_members m where m.group_id = p_group.id)
           and v_value #>> '{}' is distinct from p_group.platform then
          perform relaypg.raise_invalid(v_field, 'cannot change while the group has members');
        end if;
        v_group.platform := relaypg.setting_text(v_field, v_value, false, 20);
        if v_group.platform not in ('claude', 'gemini', 'openai') then
          perform relaypg.raise_invalid(v_field, 'must be claude, gemini or openai');
        end if;
      else
        perform relaypg.raise_invalid(v_field, 'is not a group setting');
    end case;
  end loop;
  return v_group;
end
$$;
comment on function relaypg.apply_account_group_settings(relaypg.account_groups, jsonb) is 'Applies name/description/platform to a group row; RVINV names a bad field.';

create function api.create_account_group(p_settings jsonb)
returns api.account_group
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_group relaypg.account_groups;
begin
  if p_settings is null or jsonb_typeof(p_settings) <> 'object' or not p_settings ? 'name' then
    perform relaypg.raise_invalid('name', 'is required');
  end if;
  if not p_settings ? 'platform' then
    perform relaypg.raise_invalid('platform', 'is required');
  end if;
  v_group.description := '';
  v_group := relaypg.apply_account_group_settings(v_group, p_settings);
  insert into relaypg.account_groups (name, platform, description)
  values (v_group.name, v_group.platform, v_group.description)
  returning * into v_group;
  return relaypg.to_account_group(v_group);
end
$$;
comment on function api.create_account_group(jsonb) is 'Creates a group {name, platform, description?}. RVINV.';
grant execute on function api.create_account_group(jsonb) to :DATABASE_APP_USER;

create function api.get_account_group(p_id uuid)
returns api.account_group
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_group relaypg.account_groups;
begin
  select g.* into v_group from relaypg.account_groups g where g.id = p_id;
  if not found then
    raise exception 'account group % not found', p_id using errcode = 'GRNFD';
  end if;
  return relaypg.to_account_group(v_group);
end
$$;
comment on function api.get_account_group(uuid) is 'One group with its members. GRNFD.';
grant execute on function api.get_account_group(uuid) to :DATABASE_APP_USER;

create function api.list_account_groups(p_platform text)
returns setof api.account_group
language sql stable security definer set search_path = ''
as $$
  select (relaypg.to_account_group(g)).* from relaypg.account_groups g
   where p_platform is null or g.platform = p_platform
   order by g.platform, g.name, g.id;
$$;
comment on function api.list_account_groups(text) is 'Every group (of one platform, or all when null), by platform then name.';
grant execute on function api.list_account_groups(text) to :DATABASE_APP_USER;

create function api.update_account_group(p_id uuid, p_changes jsonb)
returns api.account_group
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_group relaypg.account_groups := relaypg.lock_account_group(p_id);
begin
  v_group := relaypg.apply_account_group_settings(v_group, coalesce(p_changes, '{}'));
  update relaypg.account_groups g
     set name = v_group.name, description = v_group.description, platform = v_group.platform, updated_at = now()
   where g.id = p_id
  returning g.* into v_group;
  return relaypg.to_account_group(v_group);
end
$$;
comment on function api.update_account_group(uuid, jsonb) is 'Partial update of a group (platform only while it has no members). GRNFD, RVINV.';
grant execute on function api.update_account_group(uuid, jsonb) to :DATABASE_APP_USER;

create function api.delete_account_group(p_id uuid, p_unbind_keys boolean default false)
returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_unbound integer;
begin
  perform relaypg.lock_account_group(p_id);
  v_unbound := relaypg.release_bindings('group:' || p_id, format('account group %s', p_id), p_unbind_keys);
  delete from relaypg.account_groups g where g.id = p_id;
  return v_unbound;
end
$$;
comment on function api.delete_account_group(uuid, boolean) is
  'Deletes a group (its accounts stay). ACBND while keys are bound to it unless p_unbind_keys; returns how many keys were unbound. GRNFD.';
grant execute on function api.delete_account_group(uuid, boolean) to :DATABASE_APP_USER;

create function api.set_account_group_members(p_id uuid, p_account_ids uuid[])
returns api.account_group
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_group relaypg.account_groups := relaypg.lock_account_group(p_id);
  v_missing uuid;
  v_wrong uuid;
begin
  if p_account_ids is null or array_position(p_account_ids, null) is not null then
    perform relaypg.raise_invalid('account_ids', 'must be an array of account ids without nulls (an empty array removes every member)');
  end if;
  select m into v_missing from unnest(p_account_ids) m
   where not exists (select from relaypg.accounts a where a.id = m) limit 1;
  if v_missing is not null then
    raise exception 'account % not found', v_missing using errcode = 'ACNFD';
  end if;
  select a.id into v_wrong from relaypg.accounts a
   where a.id = any(p_account_ids) and a.platform <> v_group.platform limit 1;
  if v_wrong is not null then
    raise exception 'account % is not a % account', v_wrong, v_group.platform
      using errcode = 'GRMBR', hint = 'a group only holds accounts of its platform (Console, CCR and Bedrock count as claude)';
  end if;
  delete from relaypg.account_group_members m
   where m.group_id = p_id and not m.account_id = any(coalesce(p_account_ids, '{}'));
  insert into relaypg.account_group_members (group_id, account_id)
  select p_id, a from unnest(coalesce(p_account_ids, '{}')) a
  on conflict do nothing;
  update relaypg.account_groups g set updated_at = now() where g.id = p_id returning g.* into v_group;
  return relaypg.to_account_group(v_group);
end
$$;
comment on function api.set_account_group_members(uuid, uuid[]) is
  'Replaces a group''s members. GRNFD, ACNFD, GRMBR (an account of another platform).';
grant execute on function api.set_account_group_members(uuid, uuid[]) to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- Account selection with sticky sessions
-- ---------------------------------------------------------------------------
create type api.account_selection as (
  account_id         uuid,
  account_kind       text,
  upstream_model     text,
  sticky             boolean,
  account_version    bigint,
  -- When the session's mapping to this account expires (null: no mapping).
  session_expires_at timestamptz
);
comment on type api.account_selection is 'The account chosen for a request, the model name to send upstream, whether a sticky session chose it, and when the session''s mapping expires.';

-- Is an account one the request may use: of the right kind, shared (no
-- group) or a member of the bound group (p_group_members, read once by the
-- caller: a sub-select here would stop the inlining), available now, serving
-- the model? No SET clause: it is inlined into api.select_account's cached
-- plans (a non-inlined SQL function is planned again in every transaction).
create function relaypg.account_can_serve(
  p_account relaypg.accounts, p_kinds text[], p_group_members uuid[], p_model text, p_at timestamptz)
returns boolean
language sql
stable
as $$
  select p_account.id is not null
     and p_account.kind = any(p_kinds)
     and case when p_group_members is null then p_account.account_type = 'shared'
              else p_account.id = any(p_group_members) end
     and relaypg.account_unavailable_reason(p_account, p_at) is null
     and relaypg.account_upstream_model(p_account, p_model) is not null;
$$;
comment on function relaypg.account_can_serve(relaypg.accounts, text[], uuid[], text, timestamptz) is
  'True when the account is of one of p_kinds, in the group (p_group_members; shared when null), available at p_at and serves p_model.';

create function relaypg.explain_no_account(p_kinds text[], p_group_id uuid, p_model text, p_at timestamptz)
returns text
language sql
stable
set search_path = ''
as $$
  select coalesce(string_agg(format('%s %s', n, reason), ', ' order by reason),
                  'no account of this kind exists' || case when p_group_id is not null then ' in the group' else '' end)
    from (select coalesce(relaypg.account_unavailable_reason(a, p_at), 'not serving the model') reason, count(*) n
            from relaypg.accounts a
           where a.kind = any(p_kinds)
             and case when p_group_id is null then a.account_type = 'shared'
                      else exists (select from relaypg.account_group_members m
                                    where m.group_id = p_group_id and m.account_id = a.id) end
           group by 1) s;
$$;
comment on function relaypg.explain_no_account(text[], uuid, text, timestamptz) is 'Why no candidate account can serve: candidates counted by reason.';

create function api.select_account(
  p_api_key_id uuid, p_platform text, p_model text, p_session_hash text,
  p_sticky_ttl interval default '1 hour', p_renewal_threshold interval default '0',
  p_asynchronous_commit boolean default false)
returns api.account_selection
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_now constant timestamptz := now();
  v_key record;
  v_model text := coalesce(p_model, '');
  v_kinds text[];
  v_bindings text[];
  v_binding text;
  v_group uuid;
  v_members uuid[];
  v_account relaypg.accounts;
  v_hit record;
  v_stale_account uuid;
  v_claimed uuid;
  v_expires timestamptz;
  -- An account binding that could not serve: the answer is a fallback that a
  -- mere change of time can undo, so it is not to be remembered (no expiry).
  v_binding_skipped boolean := false;
begin
  if p_sticky_ttl is null or p_sticky_ttl <= interval '0' then
    perform relaypg.raise_invalid('sticky_ttl', 'must be a positive interval');
  end if;
  if char_length(p_session_hash) > 128 then
    perform relaypg.raise_invalid('session_hash', 'must be at most 128 characters');
  end if;
  -- The caller's choice, for its own transaction: what this call writes is
  -- bookkeeping (a mapping, a last use) that a crash may lose without harm.
  if p_asynchronous_commit then
    perform pg_catalog.set_config('synchronous_commit', 'off', true);
  end if;
  case p_platform
    when 'claude' then
      if v_model like 'ccr,%' then  -- the vendor prefix routes to CCR accounts only
        v_kinds := array['ccr'];
        v_model := substr(v_model, 5);
      else
        v_kinds := array['claude-official', 'claude-console', 'bedrock'];
      end if;
    when 'gemini' then
      v_kinds := array['gemini'];
    when 'openai' then
      v_kinds := array['openai', 'openai-responses'];
    when 'azure-openai' then
      v_kinds := array['azure-openai'];
    else
      perform relaypg.raise_invalid('platform', 'must be claude, gemini, openai or azure-openai');
  end case;
  -- One lookup for the common case: the key, and the session's live mapping
  -- judged as for the shared pool (used as is when the key has no binding).
  select k.claude_account_id, k.claude_console_account_id, k.bedrock_account_id, k.gemini_account_id,
         k.openai_account_id, k.azure_openai_account_id,
         a as account, s.expires_at, relaypg.account_can_serve(a, v_kinds, null, v_model, v_now) as can_serve
    into v_key
    from relaypg.api_keys k
    left join relaypg.sticky_sessions s
      on s.platform = p_platform and s.session_hash = p_session_hash and s.expires_at > v_now
    left join relaypg.accounts a on a.id = s.account_id
   where k.id = p_api_key_id;
  if not found then
    raise exception 'API key % not found', p_api_key_id using errcode = 'KYNFD';
  end if;
  v_bindings := case
    when v_kinds = array['ccr'] then null
    when p_platform = 'claude' then array[v_key.claude_account_id, v_key.claude_console_account_id, v_key.bedrock_account_id]
    when p_platform = 'gemini' then array[v_key.gemini_account_id]
    when p_platform = 'openai' then array[replace(v_key.openai_account_id, 'responses:', '')]
    else array[v_key.azure_openai_account_id] end;
  v_bindings := coalesce(array_remove(array_remove(v_bindings, ''), null), '{}');

  -- 1. The key's bindings, in CRS's order. A bound account that cannot serve
  --    now falls back to the pool; a group binding narrows the pool to the group.
  foreach v_binding in array v_bindings loop
    if v_binding ~* '^group:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      v_group := substr(v_binding, 7)::uuid;
      v_members := array(select m.account_id from relaypg.account_group_members m where m.group_id = v_group);
      exit;
    elsif v_binding ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      select a as account, a.kind = any(v_kinds) and relaypg.account_unavailable_reason(a, v_now) is null
                           and relaypg.account_upstream_model(a, v_model) is not null as can_serve
        into v_hit from relaypg.accounts a where a.id = v_binding::uuid;
      if v_hit.can_serve then
        v_account := v_hit.account;
        -- A dedicated account serves every request of its keys: refresh its
        -- last use at most once a second, or that one row would serialise them.
        if v_account.last_used_at is null or v_account.last_used_at < v_now - interval '1 second' then
          update relaypg.accounts a set last_used_at = v_now where a.id = v_account.id;
        end if;
        return (v_account.id, v_account.kind, relaypg.account_upstream_model(v_account, v_model), false, v_account.version, null::timestamptz);
      end if;
      v_binding_skipped := true;
    end if;
  end loop;

  -- 2. A live sticky mapping whose account can still serve. Without a
  --    binding the first lookup judged it already; a group judges it again
  --    (in a query: the helpers are inlined into its cached plan, where a call
  --    on a row variable would plan them again in every transaction).
  if coalesce(p_session_hash, '') <> '' then
    if v_group is null then
      v_hit := v_key;
    else
      select a as account, s.expires_at, relaypg.account_can_serve(a, v_kinds, v_members, v_model, v_now) as can_serve
        into v_hit
        from relaypg.sticky_sessions s join relaypg.accounts a on a.id = s.account_id
       where s.platform = p_platform and s.session_hash = p_session_hash and s.expires_at > v_now;
    end if;
    if (v_hit.account).id is not null then
      v_account := v_hit.account;
      if v_hit.can_serve then
        -- Rows are locked account first, then mapping, as a pool pick does:
        -- the opposite order could deadlock with one.
        -- Sticky hits refresh last_used_at at most once a second: it orders
        -- new sessions, and a write per request on a shared row would serialise.
        if v_account.last_used_at is null or v_account.last_used_at < v_now - interval '1 second' then
          update relaypg.accounts a set last_used_at = v_now where a.id = v_account.id;
        end if;
        v_expires := v_hit.expires_at;
        if p_renewal_threshold > interval '0' and v_hit.expires_at - v_now < p_renewal_threshold then
          v_expires := v_now + p_sticky_ttl;
          update relaypg.sticky_sessions s set expires_at = v_expires
           where s.platform = p_platform and s.session_hash = p_session_hash;
        end if;
        return (v_account.id, v_account.kind, relaypg.account_upstream_model(v_account, v_model), true, v_account.version,
                case when not v_binding_skipped then v_expires end);
      end if;
      v_stale_account := v_account.id;
    end if;
  end if;

  -- 3. The pool: priority, then least recently used. Concurrent picks skip
  --    the rows other picks hold, so they spread over the accounts instead
  --    of queueing on one; only when every candidate is held do they wait.
  v_account := null;
  select a.* into v_account from relaypg.accounts a
   where a.kind = any(v_kinds) and a.is_active and not a.is_paused
     and relaypg.account_can_serve(a, v_kinds, v_members, v_model, v_now)
   order by a.priority, a.last_used_at nulls first, a.id
   limit 1
   for no key update of a skip locked;
  if v_account.id is null then
    select a.* into v_account from relaypg.accounts a
     where a.kind = any(v_kinds) and a.is_active and not a.is_paused
       and relaypg.account_can_serve(a, v_kinds, v_members, v_model, v_now)
     order by a.priority, a.last_used_at nulls first, a.id
     limit 1
     for no key update of a;
  end if;
  if v_account.id is null then
    raise exception 'no % account is available%', p_platform,
        case when v_group is not null then format(' in group %s', v_group) else '' end
      using errcode = 'SLNAV', detail = relaypg.explain_no_account(v_kinds, v_group, v_model, v_now),
            hint = format('model %L', v_model);
  end if;

  -- 4. Claim the session for it. Of two concurrent first requests of a
  --    session, the second waits for the first's row and takes its account.
  if coalesce(p_session_hash, '') <> '' then
    insert into relaypg.sticky_sessions as s (platform, session_hash, account_id, created_at, expires_at)
    values (p_platform, p_session_hash, v_account.id, v_now, v_now + p_sticky_ttl)
    on conflict (platform, session_hash) do update
       set account_id = excluded.account_id, created_at = excluded.created_at, expires_at = excluded.expires_at
     where s.expires_at <= v_now or s.account_id = v_stale_account
    returning s.account_id, s.expires_at into v_claimed, v_expires;
    if v_claimed is not null and v_stale_account is not null then
      -- The session moved off an account that could not serve this request:
      -- instances remembering it for other requests must forget it (rare).
      perform pg_notify('relaypg_session_remapped', json_build_object('id', p_platform || ':' || p_session_hash, 'version', 0)::text);
    end if;
    if v_claimed is null then
      select a as account, s.expires_at, relaypg.account_can_serve(a, v_kinds, v_members, v_model, v_now) as can_serve into v_hit
        from relaypg.sticky_sessions s join relaypg.accounts a on a.id = s.account_id
       where s.platform = p_platform and s.session_hash = p_session_hash;
      if found and v_hit.can_serve then
        v_account := v_hit.account;
        return (v_account.id, v_account.kind, relaypg.account_upstream_model(v_account, v_model), true, v_account.version,
                case when not v_binding_skipped then v_hit.expires_at end);
      end if;
      -- Theirs cannot serve this request (another group or model): ours, unmapped.
    end if;
  end if;
  update relaypg.accounts a set last_used_at = v_now where a.id = v_account.id;
  return (v_account.id, v_account.kind, relaypg.account_upstream_model(v_account, v_model), false, v_account.version,
          case when not v_binding_skipped then v_expires end);
end
$$;
comment on function api.select_account(uuid, text, text, text, interval, interval, boolean) is
  'Chooses the account for a request: the key''s bound account if it can serve, else a live sticky mapping (renewed under the threshold), else the pool (group or shared; priority, then least recently used; rows held by concurrent picks are skipped), recording the mapping and last use (asynchronously committed when p_asynchronous_commit: it is bookkeeping). A session moved off an account announces relaypg_session_remapped. Model ccr,<m> routes to CCR. KYNFD, RVINV, SLNAV (detail: candidates by reason).';
grant execute on function api.select_account(uuid, text, text, text, interval, interval, boolean) to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- Pending OAuth authorisations
-- ---------------------------------------------------------------------------
create type api.oauth_session as (
  id             uuid,
  platform       text,
  flow           text,
  state          text,
  code_challenge text,
  code_verifier  text,
  proxy          jsonb,
  details        jsonb,
  created_at     timestamptz,
  expires_at     timestamptz
);
comment on type api.oauth_session is 'A pending OAuth authorisation with its decrypted PKCE verifier.';

create function api.create_oauth_session(
  p_platform text, p_flow text, p_state text, p_code_verifier text, p_code_challenge text,
  p_proxy jsonb, p_details jsonb, p_keyring jsonb, p_ttl interval default '10 minutes')
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_proxy record;
  v_secrets jsonb;
  v_id uuid;
begin
  if p_platform is null or p_platform not in ('claude', 'gemini', 'openai') then
    perform relaypg.raise_invalid('platform', 'must be claude, gemini or openai');
  end if;
  if p_flow is null or p_flow not in ('oauth', 'setup-token') then
    perform relaypg.raise_invalid('flow', 'must be oauth or setup-token');
  end if;
  if coalesce(p_state, '') = '' or char_length(p_state) > 512 then
    perform relaypg.raise_invalid('state', 'must be a non-empty string of at most 512 characters');
  end if;
  if coalesce(p_code_verifier, '') = '' or char_length(p_code_verifier) > 512 then
    perform relaypg.raise_invalid('code_verifier', 'must be a non-empty string of at most 512 characters');
  end if;
  if p_details is not null and jsonb_typeof(p_details) <> 'object' then
    perform relaypg.raise_invalid('details', 'must be a JSON object');
  end if;
  if p_ttl is null or p_ttl <= interval '0' or p_ttl > interval '1 day' then
    perform relaypg.raise_invalid('ttl', 'must be a positive interval of at most one day');
  end if;
  select * into v_proxy from relaypg.setting_proxy('proxy', p_proxy);
  v_secrets := jsonb_build_object('codeVerifier', p_code_verifier)
            || case when v_proxy.password is null then '{}'::jsonb else jsonb_build_object('proxyPassword', v_proxy.password) end;
  insert into relaypg.oauth_sessions (platform, flow, state, code_challenge, proxy, details, secrets, secrets_key_version, expires_at)
  values (p_platform, p_flow, p_state, p_code_challenge, v_proxy.proxy, coalesce(p_details, '{}'),
          relaypg.encrypt_secrets(v_secrets, p_keyring), relaypg.keyring_current_version(p_keyring), now() + p_ttl)
  returning id into v_id;
  return v_id;
end
$$;
comment on function api.create_oauth_session(text, text, text, text, text, jsonb, jsonb, jsonb, interval) is
  'Stores a pending OAuth authorisation (PKCE verifier and proxy password encrypted) for p_ttl (10 minutes). RVINV, ACKEY.';
grant execute on function api.create_oauth_session(text, text, text, text, text, jsonb, jsonb, jsonb, interval) to :DATABASE_APP_USER;

create function api.take_oauth_session(p_id uuid, p_keyring jsonb)
returns api.oauth_session
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_session relaypg.oauth_sessions;
  v_secrets jsonb;
begin
  delete from relaypg.oauth_sessions o where o.id = p_id returning o.* into v_session;
  if v_session.id is null or v_session.expires_at <= now() then
    raise exception 'OAuth session % not found or expired', p_id using errcode = 'OANFD';
  end if;
  v_secrets := relaypg.decrypt_secrets(v_session.secrets, v_session.secrets_key_version, p_keyring);
  return (v_session.id, v_session.platform, v_session.flow, v_session.state, v_session.code_challenge,
          v_secrets ->> 'codeVerifier',
          case when v_secrets ? 'proxyPassword' then v_session.proxy || jsonb_build_object('password', v_secrets ->> 'proxyPassword')
               else v_session.proxy end,
          v_session.details, v_session.created_at, v_session.expires_at)::api.oauth_session;
end
$$;
comment on function api.take_oauth_session(uuid, jsonb) is
  'Consumes a pending OAuth authorisation (once): returns it decrypted and deletes it. OANFD when absent or expired, ACKEY.';
grant execute on function api.take_oauth_session(uuid, jsonb) to :DATABASE_APP_USER;

create function relaypg.forget_scheduled_job(p_name text)
returns void
language sql volatile set search_path = ''
as $$
  delete from relaypg.scheduled_jobs j where j.name = p_name;
$$;
comment on function relaypg.forget_scheduled_job(text) is 'Records that pg_cron no longer runs a job here (db setup, superuser; not granted to the service).';

-- ---------------------------------------------------------------------------
-- Maintenance: purge expired sticky sessions and OAuth authorisations. pg_cron
-- runs api.run_maintenance (scheduled by `relaypg db setup`); where it does
-- not, the service runs it on a timer. The advisory lock keeps runs single.
-- ---------------------------------------------------------------------------
create function api.purge_expired_sessions(p_before timestamptz default now())
returns table (sticky_sessions bigint, oauth_sessions bigint)
language plpgsql volatile security definer set search_path = ''
as $$
begin
  -- Never later than now: the service must not purge live sessions.
  with d as (delete from relaypg.sticky_sessions s where s.expires_at <= least(p_before, now()) returning 1)
  select count(*) into sticky_sessions from d;
  with d as (delete from relaypg.oauth_sessions o where o.expires_at <= least(p_before, now()) returning 1)
  select count(*) into oauth_sessions from d;
  return next;
end
$$;
comment on function api.purge_expired_sessions(timestamptz) is 'Deletes sticky sessions and pending OAuth authorisations that expired by p_before (at most now); returns how many of each.';
grant execute on function api.purge_expired_sessions(timestamptz) to :DATABASE_APP_USER;

create function api.run_maintenance()
returns table (ran boolean, sticky_sessions bigint, oauth_sessions bigint)
language plpgsql volatile security definer set search_path = ''
as $$
begin
  -- Transaction-scoped: released at commit, never leaked by a dead session.
  if not pg_try_advisory_xact_lock(hashtext('relaypg.run_maintenance')) then
    ran := false;
    sticky_sessions := 0;
    oauth_sessions := 0;
    return next;
    return;
  end if;
  ran := true;
  select p.sticky_sessions, p.oauth_sessions into sticky_sessions, oauth_sessions from api.purge_expired_sessions() p;
  return next;
end
$$;
comment on function api.run_maintenance() is 'Periodic maintenance (today: purge expired sessions) under an advisory lock; ran=false when another run holds it.';
grant execute on function api.run_maintenance() to :DATABASE_APP_USER;

create function api.list_scheduled_jobs()
returns setof text
language sql stable security definer set search_path = ''
as $$
  select j.name from relaypg.scheduled_jobs j where j.database_name = current_database() order by j.name;
$$;
comment on function api.list_scheduled_jobs() is 'Names of the jobs pg_cron runs for this database (empty: the service runs maintenance itself); rows copied from another database do not count.';
grant execute on function api.list_scheduled_jobs() to :DATABASE_APP_USER;

create function relaypg.record_scheduled_job(p_name text, p_schedule text)
returns void
language sql volatile set search_path = ''
as $$
  insert into relaypg.scheduled_jobs (name, schedule) values (p_name, p_schedule)
  on conflict (name) do update
    set schedule = excluded.schedule, database_name = excluded.database_name, scheduled_at = now();
$$;
comment on function relaypg.record_scheduled_job(text, text) is 'Records that pg_cron runs a job for this database (called by db setup as a superuser; not granted to the service).';

-- ---------------------------------------------------------------------------
-- CRS import: accounts of every kind, groups, live sticky mappings and pending
-- OAuth authorisations. Secrets arrive decrypted by the importer (CRS's key
-- derivations are not available in SQL) and are re-encrypted here.
-- ---------------------------------------------------------------------------
create type api.import_result as (
  id     uuid,
  action text,
  notes  text[]
);
comment on type api.import_result is 'What an import call did (inserted, updated, unchanged, skipped) and notes on data it could not use.';

-- A CRS epoch-milliseconds string (claude:account expiresAt) or ISO timestamp.
create function relaypg.crs_instant(p_fields jsonb, p_field text)
returns timestamptz
language plpgsql stable set search_path = ''
as $$
declare
  v_text text := relaypg.crs_text(p_fields, p_field);
begin
  if v_text ~ '^\d{12,16}$' then  -- epoch milliseconds (claude:account expiresAt)
    return to_timestamp(v_text::numeric / 1000);
  elsif v_text ~ '^\d{9,11}$' then  -- epoch seconds
    return to_timestamp(v_text::numeric);
  end if;
  return relaypg.crs_timestamptz(p_fields, p_field);
end
$$;
comment on function relaypg.crs_instant(jsonb, text) is 'A CRS time as epoch milliseconds (12-16 digits), epoch seconds (9-11 digits) or ISO 8601; '''' reads as null.';

-- A CRS supportedModels value in any of its three shapes: a JSON object
-- (mapping), a JSON array (list), a comma-joined string (Gemini's accident).
create function relaypg.crs_model_mapping(p_fields jsonb, p_field text)
returns jsonb
language plpgsql immutable set search_path = ''
as $$
declare
  v_value jsonb := p_fields -> p_field;
  v_text text;
begin
  if v_value is null or jsonb_typeof(v_value) = 'null' or v_value = '""' then
    return '{}';
  end if;
  if jsonb_typeof(v_value) = 'string' then
    v_text := btrim(v_value #>> '{}');
    if left(v_text, 1) in ('{', '[') then
      begin
        v_value := v_text::jsonb;
      exception when invalid_text_representation then
        perform relaypg.raise_bad_crs_field(p_field, 'is not valid JSON');
      end;
    else
      v_value := to_jsonb(array(select btrim(m) from unnest(string_to_array(v_text, ',')) m where btrim(m) <> ''));
    end if;
  end if;
  begin
    return relaypg.setting_model_mapping(p_field, v_value);
  exception when sqlstate 'RVINV' then
    perform relaypg.raise_bad_crs_field(p_field, 'is not a model list or mapping');
  end;
end
$$;
comment on function relaypg.crs_model_mapping(jsonb, text) is 'Normalises CRS supportedModels (object, array or comma-joined string) to a mapping; empty = every model.';

-- The Claude subscription a CRS subscriptionInfo JSON describes.
create function relaypg.crs_subscription_plan(p_fields jsonb)
returns text
language plpgsql immutable set search_path = ''
as $$
declare
  v_info jsonb;
begin
  begin
    v_info := nullif(p_fields ->> 'subscriptionInfo', '')::jsonb;
  exception when invalid_text_representation then
    return null;
  end;
  if v_info is null or jsonb_typeof(v_info) <> 'object' then
    return null;
  end if;
  return case
    when v_info ->> 'accountType' = 'claude_max' or v_info ->> 'hasClaudeMax' = 'true' then 'max'
    when v_info ->> 'accountType' = 'claude_pro' or v_info ->> 'hasClaudePro' = 'true' then 'pro'
    when v_info ->> 'accountType' = 'free' or (v_info ? 'hasClaudePro' and v_info ? 'hasClaudeMax') then 'free'
  end;
end
$$;
comment on function relaypg.crs_subscription_plan(jsonb) is 'max / pro / free from CRS subscriptionInfo (null when unknown).';

create function api.import_crs_account(
  p_redis_key text, p_kind text, p_fields jsonb, p_secrets jsonb, p_keyring jsonb, p_time_zone text default 'UTC')
returns api.import_result
language plpgsql volatile security definer set search_path = ''
as $$
declare
  -- CRS fields that become columns, and kind-specific configuration that
  -- becomes options. Everything else (raw state flags included) is kept
  -- verbatim in crs_extra, so that a way back to CRS loses nothing.
  v_typed constant text[] := array['id', 'name', 'description', 'priority', 'isActive', 'accountType',
    'createdAt', 'updatedAt', 'lastUsedAt', 'supportedModels', 'autoStopOnWarning', 'rateLimitDuration',
    'dailyQuota', 'proxy', 'expiresAt', 'lastRefreshAt'];
  v_option_fields constant text[] := array['apiUrl', 'baseApi', 'userAgent', 'region', 'defaultModel',
    'credentialType', 'azureEndpoint', 'apiVersion', 'deploymentName', 'projectId', 'tempProjectId', 'scopes',
    'accountId', 'chatgptUserId', 'organizationId', 'organizationRole', 'organizationTitle', 'planType',
    'emailVerified', 'useUnifiedUserAgent', 'useUnifiedClientId', 'unifiedClientId'];
  v_limited_kinds constant text[] := array['claude-console', 'ccr', 'openai-responses'];
  v_id uuid;
  v_old relaypg.accounts;
  v_new relaypg.accounts;
  v_proxy record;
  v_secret_changes jsonb;
  v_status text := coalesce(p_fields ->> 'status', '');
  v_auto_stopped boolean;
  v_notes text[] := '{}';
  v_at timestamptz;
  v_local timestamp;
begin
  if p_fields is null or jsonb_typeof(p_fields) <> 'object' then
    perform relaypg.raise_bad_crs_field('(hash)', 'must be a JSON object of fields');
  end if;
  if p_kind is null or p_kind not in
     ('claude-official', 'claude-console', 'ccr', 'bedrock', 'gemini', 'openai', 'openai-responses', 'azure-openai') then
    perform relaypg.raise_invalid('kind', 'is not a CRS account kind');
  end if;
  if coalesce(p_fields ->> 'id', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    perform relaypg.raise_bad_crs_field('id', 'must be a UUID');
  end if;
  if p_redis_key is null or right(p_redis_key, 36) is distinct from p_fields ->> 'id' then
    perform relaypg.raise_bad_crs_field('id', format('does not match the Redis key %L', p_redis_key));
  end if;
  if coalesce(btrim(p_fields ->> 'name'), '') = '' then
    perform relaypg.raise_bad_crs_field('name', 'must not be empty');
  end if;
  if p_time_zone is null or not exists (select from pg_catalog.pg_timezone_names z where z.name = p_time_zone) then
    perform relaypg.raise_invalid('time_zone', 'must be an IANA time zone name');
  end if;
  v_id := (p_fields ->> 'id')::uuid;

  select a.* into v_old from relaypg.accounts a where a.id = v_id for update;
  if v_old.id is not null and v_old.kind <> p_kind then
    raise exception 'account % is a % account in relaypg, not %', v_id, v_old.kind, p_kind
      using errcode = 'IMCNF', column = 'id';
  end if;
  -- Secrets: the decrypted values, plus the proxy password (the proxy is
  -- stored without it).
  if p_secrets is not null and jsonb_typeof(p_secrets) <> 'object' then
    perform relaypg.raise_invalid('secrets', 'must be a JSON object');
  end if;
  v_secret_changes := coalesce(p_secrets, '{}');
  -- The profile (subscriptionInfo) holds the account's email and name in
  -- clear: it is kept encrypted with the secrets; its plan is a column.
  if p_kind = 'claude-official' and coalesce(p_fields ->> 'subscriptionInfo', '') <> '' then
    v_secret_changes := v_secret_changes || jsonb_build_object('subscriptionInfo', p_fields ->> 'subscriptionInfo');
  end if;
  begin
    select * into v_proxy from relaypg.setting_proxy('proxy',
      case when jsonb_typeof(p_fields -> 'proxy') = 'object' then p_fields -> 'proxy'
           else nullif(nullif(p_fields ->> 'proxy', ''), 'null')::jsonb end);
  exception when invalid_text_representation or sqlstate 'RVINV' then
    perform relaypg.raise_bad_crs_field('proxy', 'is not a usable proxy {type, host, port}');
  end;
  if v_proxy.password is not null then
    v_secret_changes := v_secret_changes || jsonb_build_object('proxyPassword', v_proxy.password);
  end if;

  -- Unchanged only when the CRS record and its decrypted secrets both are: a
  -- re-run with the right CRS key repairs secrets a wrong key imported.
  if v_old.crs_fingerprint is not distinct from md5(p_kind || p_fields::text)
     and relaypg.decrypt_secrets(v_old.secrets, v_old.secrets_key_version, p_keyring) = v_secret_changes then
    return (v_id, 'unchanged', v_notes)::api.import_result;
  end if;
  if exists (select from relaypg.deleted_accounts d where d.id = v_id) then
    raise exception 'account % was deleted in relaypg', v_id
      using errcode = 'IMCNF', column = 'id', hint = 'an import never brings back a deleted account';
  end if;
  if v_old.id is not null and (v_old.crs_fingerprint is null or v_old.version <> v_old.crs_synced_version) then
    raise exception 'account % was changed in relaypg since it was imported', v_id
      using errcode = 'IMCNF', column = 'id', hint = 'the relaypg version is kept; change it there';
  end if;

  v_new.id := v_id;
  v_new.kind := p_kind;
  v_new.platform := relaypg.kind_platform(p_kind);
  v_new.name := btrim(p_fields ->> 'name');
  v_new.description := coalesce(p_fields ->> 'description', '');
  v_new.priority := case when coalesce(p_fields ->> 'priority', '') = '' then 50
                         else relaypg.crs_count(p_fields, 'priority', 100)::integer end;
  if v_new.priority < 1 then
    perform relaypg.raise_bad_crs_field('priority', 'must be between 1 and 100');
  end if;
  v_new.account_type := coalesce(relaypg.crs_text(p_fields, 'accountType'), 'shared');
  if v_new.account_type not in ('shared', 'dedicated', 'group') then
    perform relaypg.raise_bad_crs_field('accountType', format('unknown account type %L', left(v_new.account_type, 40)));
  end if;
  v_new.model_mapping := relaypg.crs_model_mapping(p_fields, 'supportedModels');
  v_new.subscription_plan := relaypg.crs_subscription_plan(p_fields);
  v_new.auto_stop_on_warning := relaypg.crs_boolean(p_fields, 'autoStopOnWarning', false);
  v_new.rate_limit_minutes := case when coalesce(p_fields ->> 'rateLimitDuration', '') = '' then 60
                                   else relaypg.crs_count(p_fields, 'rateLimitDuration', 10080)::integer end;
  v_new.daily_quota := relaypg.crs_money(p_fields, 'dailyQuota');
  v_new.quota_reset_time := case when coalesce(p_fields ->> 'quotaResetTime', '') ~ '^([01]?[0-9]|2[0-3]):[0-5][0-9]$'
                                 then (p_fields ->> 'quotaResetTime')::time else '00:00' end;
  v_new.options := coalesce((select jsonb_object_agg(f.key, f.value) from jsonb_each(p_fields) f
                              where f.key = any(v_option_fields) and f.value <> '""'), '{}');
  -- Empty option fields and an unreadable quotaResetTime have no typed home:
  -- they stay in crs_extra as they were.
  v_new.crs_extra := p_fields - v_typed - array(select jsonb_object_keys(v_new.options))
                     - relaypg.account_secret_names(p_kind)
                     - case when coalesce(p_fields ->> 'quotaResetTime', '') ~ '^([01]?[0-9]|2[0-3]):[0-5][0-9]$'
                            then array['quotaResetTime'] else array[]::text[] end;
  -- A secret field that came without a decrypted value (it could not be
  -- decrypted) stays as CRS had it, so that nothing is lost.
  v_new.crs_extra := v_new.crs_extra || coalesce((
    select jsonb_object_agg(f.key, f.value) from jsonb_each(p_fields) f
     where f.key = any(relaypg.account_secret_names(p_kind)) and f.value not in ('""', 'null')
       and not coalesce(p_secrets, '{}') ? f.key and f.key <> 'subscriptionInfo'), '{}');
  v_new.token_expires_at := relaypg.crs_instant(p_fields, 'expiresAt');
  v_new.last_refresh_at := relaypg.crs_instant(p_fields, 'lastRefreshAt');
  v_new.created_at := coalesce(relaypg.crs_timestamptz(p_fields, 'createdAt'), now());
  v_new.last_used_at := relaypg.crs_timestamptz(p_fields, 'lastUsedAt');
  v_new.error_message := coalesce(p_fields ->> 'errorMessage', '');
  v_new.server_error_count := 0;
  v_new.secret_names := '{}';
  v_new.is_paused := false;
  v_new.session_window_start := relaypg.crs_timestamptz(p_fields, 'sessionWindowStart');
  v_new.session_window_end := relaypg.crs_timestamptz(p_fields, 'sessionWindowEnd');
  v_new.session_window_status := nullif(p_fields ->> 'sessionWindowStatus', '');
  if v_new.session_window_status not in ('allowed', 'allowed_warning', 'rejected') then
    v_notes := v_notes || format('sessionWindowStatus %L is unknown and was ignored', left(v_new.session_window_status, 40));
    v_new.session_window_status := null;
  end if;

  -- State, interpreted by time (CRS leaves flags behind: redis-model 7.1).
  -- An automatic stop is not an admin decision: it must not become a pause.
  v_auto_stopped := 'true' in (coalesce(p_fields ->> 'rateLimitAutoStopped', ''), coalesce(p_fields ->> 'fiveHourAutoStopped', ''),
                               coalesce(p_fields ->> 'tempErrorAutoStopped', ''), coalesce(p_fields ->> 'quotaAutoStopped', ''))
                    or v_status in ('rate_limited', 'quota_exceeded', 'temp_error', 'unauthorized', 'blocked', 'overloaded');
  v_new.is_active := relaypg.crs_boolean(p_fields, 'isActive', true)
                     or (p_kind = any(v_limited_kinds) and v_auto_stopped);
  v_new.is_paused := not relaypg.crs_boolean(p_fields, 'schedulable', true) and not v_auto_stopped;
  if p_fields ->> 'rateLimitStatus' = 'limited' or v_status = 'rate_limited' then
    v_new.rate_limited_at := coalesce(relaypg.crs_timestamptz(p_fields, 'rateLimitedAt'), now());
    v_new.rate_limited_until := coalesce(
      relaypg.crs_timestamptz(p_fields, 'rateLimitEndAt'), relaypg.crs_timestamptz(p_fields, 'rateLimitResetAt'),
      v_new.rate_limited_at + case when p_kind = any(v_limited_kinds) or p_kind = 'openai'
                                   then make_interval(mins => v_new.rate_limit_minutes) else interval '1 hour' end);
  end if;
  if v_status in ('unauthorized', 'blocked') then
    v_new.blocked_reason := v_status;
    v_new.blocked_at := coalesce(relaypg.crs_timestamptz(p_fields, v_status || 'At'), now());
  end if;
  if v_status = 'temp_error' then
    v_new.temp_error_until := coalesce(relaypg.crs_timestamptz(p_fields, 'tempErrorAt'), now()) + interval '5 minutes';
  end if;
  if v_status = 'error' and p_kind in ('claude-official', 'gemini', 'openai') then  -- a failed token refresh, retried 24 h later as CRS does
    v_new.refresh_failed_at := coalesce(relaypg.crs_timestamptz(p_fields, 'updatedAt'), v_new.last_refresh_at, now());
    v_new.refresh_retry_at := coalesce(v_new.last_refresh_at, v_new.refresh_failed_at) + interval '24 hours';
  end if;
  if p_fields ->> 'overloadStatus' = 'overloaded' then
    v_new.overloaded_until := coalesce(relaypg.crs_timestamptz(p_fields, 'overloadedAt'), now()) + interval '10 minutes';
  end if;
  -- A 5-hour stop lasts until the end of the window it happened in. The flag
  -- counts only while CRS still holds the account back (schedulable false):
  -- CRS leaves it behind after lifting the stop (redis-model 7.1).
  if p_fields ->> 'fiveHourAutoStopped' = 'true' and not relaypg.crs_boolean(p_fields, 'schedulable', true) then
    v_new.five_hour_stopped_at := coalesce(relaypg.crs_timestamptz(p_fields, 'fiveHourStoppedAt'), now());
    v_new.five_hour_stopped_until := case
      when v_new.five_hour_stopped_at >= v_new.session_window_start and v_new.five_hour_stopped_at < v_new.session_window_end
        then v_new.session_window_end
      else date_trunc('hour', v_new.five_hour_stopped_at, 'UTC') + interval '5 hours' end;
  end if;
  if p_fields ->> 'quotaAutoStopped' = 'true' or v_status = 'quota_exceeded' then
    v_at := coalesce(relaypg.crs_timestamptz(p_fields, 'quotaStoppedAt'), now());
    v_local := (v_at at time zone p_time_zone)::date + v_new.quota_reset_time;
    if v_local <= (v_at at time zone p_time_zone) then
      v_local := v_local + interval '1 day';
    end if;
    v_new.quota_stopped_at := v_at;
    v_new.quota_stopped_until := v_local at time zone p_time_zone;
  end if;

  v_new.proxy := v_proxy.proxy;
  if v_old.id is not null and v_old.secrets_key_version = relaypg.keyring_current_version(p_keyring)
     and relaypg.decrypt_secrets(v_old.secrets, v_old.secrets_key_version, p_keyring) = v_secret_changes then
    -- Same secrets: keep the stored ciphertext (a new one would count as a change).
    v_new.secrets := v_old.secrets;
    v_new.secrets_key_version := v_old.secrets_key_version;
    v_new.secret_names := v_old.secret_names;
  else
    v_new := relaypg.apply_account_secrets(v_new, null, v_secret_changes, p_keyring);
  end if;

  v_new.crs_fingerprint := md5(p_kind || p_fields::text);
  if v_old.id is null then
    v_new.version := 1;
    v_new.updated_at := coalesce(relaypg.crs_timestamptz(p_fields, 'updatedAt'), v_new.created_at);
    v_new.crs_synced_version := 1;
    insert into relaypg.accounts select (v_new).*;
    return (v_id, 'inserted', v_notes)::api.import_result;
  end if;
  v_new.version := v_old.version;
  v_new := relaypg.save_account(v_new);
  update relaypg.accounts a set crs_synced_version = a.version where a.id = v_id;
  return (v_id, 'updated', v_notes)::api.import_result;
end
$$;
comment on function api.import_crs_account(text, text, jsonb, jsonb, jsonb, text) is
  'Imports one CRS account of any kind (fields as in Redis; secrets decrypted by the caller, re-encrypted here). State is read by time; every field is kept. Idempotent. IMBAD names an unusable field; IMCNF refuses an account changed in relaypg since its import; ACKEY.';
grant execute on function api.import_crs_account(text, text, jsonb, jsonb, jsonb, text) to :DATABASE_APP_USER;

create function api.import_crs_account_group(p_redis_key text, p_fields jsonb, p_member_ids text[])
returns api.import_result
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_id uuid;
  v_old relaypg.account_groups;
  v_members uuid[];
  v_notes text[] := '{}';
  v_action text;
  v_extra jsonb;
  v_fields_differ boolean;
  v_members_differ boolean;
begin
  if p_fields is null or jsonb_typeof(p_fields) <> 'object' then
    perform relaypg.raise_bad_crs_field('(hash)', 'must be a JSON object of fields');
  end if;
  if coalesce(p_fields ->> 'id', '') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
     or p_redis_key is null or right(p_redis_key, 36) is distinct from p_fields ->> 'id' then
    perform relaypg.raise_bad_crs_field('id', 'must be the UUID of the Redis key');
  end if;
  if coalesce(btrim(p_fields ->> 'name'), '') = '' then
    perform relaypg.raise_bad_crs_field('name', 'must not be empty');
  end if;
  if coalesce(p_fields ->> 'platform', 'claude') not in ('claude', 'gemini', 'openai') then
    perform relaypg.raise_bad_crs_field('platform', format('unknown platform %L', left(p_fields ->> 'platform', 40)));
  end if;
  v_id := (p_fields ->> 'id')::uuid;
  select array_agg(a.id order by a.id) into v_members from relaypg.accounts a
   where a.id::text = any(p_member_ids) and a.platform = coalesce(p_fields ->> 'platform', 'claude');
  select coalesce(array_agg(format('member %s is not an imported %s account', m, coalesce(p_fields ->> 'platform', 'claude'))), '{}')
    into v_notes from unnest(coalesce(p_member_ids, '{}')) m
   where not m = any(coalesce(v_members::text[], '{}'));

  select g.* into v_old from relaypg.account_groups g where g.id = v_id for update;
  v_extra := p_fields - array['id', 'name', 'platform', 'description', 'createdAt', 'updatedAt'];
  v_fields_differ := v_old.id is not null and (v_old.name, v_old.platform, v_old.description, v_old.crs_extra) is distinct from
    (btrim(p_fields ->> 'name'), coalesce(p_fields ->> 'platform', 'claude'), coalesce(p_fields ->> 'description', ''), v_extra);
  v_members_differ := v_old.id is not null and exists (
    select from relaypg.account_group_members m where m.group_id = v_id and not m.account_id = any(coalesce(v_members, '{}'))
    union all
    select from unnest(coalesce(v_members, '{}')) n
     where not exists (select from relaypg.account_group_members m where m.group_id = v_id and m.account_id = n));
  if v_old.id is not null and not v_fields_differ and not v_members_differ then
    return (v_id, 'unchanged', v_notes)::api.import_result;
  end if;
  if v_old.id is not null and v_old.crs_synced_at is distinct from v_old.updated_at then
    raise exception 'account group % was changed in relaypg since it was imported', v_id
      using errcode = 'IMCNF', column = 'id', hint = 'the relaypg version is kept; change it there';
  end if;
  if v_old.id is null then
    insert into relaypg.account_groups (id, name, platform, description, created_at, updated_at, crs_extra)
    values (v_id, btrim(p_fields ->> 'name'), coalesce(p_fields ->> 'platform', 'claude'),
            coalesce(p_fields ->> 'description', ''),
            coalesce(relaypg.crs_timestamptz(p_fields, 'createdAt'), now()),
            coalesce(relaypg.crs_timestamptz(p_fields, 'updatedAt'), now()), v_extra);
    v_action := 'inserted';
  else
    update relaypg.account_groups g
       set name = btrim(p_fields ->> 'name'), platform = coalesce(p_fields ->> 'platform', 'claude'),
           description = coalesce(p_fields ->> 'description', ''), crs_extra = v_extra, updated_at = now()
     where g.id = v_id;
    v_action := 'updated';
  end if;
  delete from relaypg.account_group_members m where m.group_id = v_id and not m.account_id = any(coalesce(v_members, '{}'));
  insert into relaypg.account_group_members (group_id, account_id)
  select v_id, n from unnest(coalesce(v_members, '{}')) n on conflict do nothing;
  -- What this import left; a later change (updated_at moves) was made in relaypg.
  update relaypg.account_groups g set crs_synced_at = g.updated_at where g.id = v_id;
  return (v_id, v_action, v_notes)::api.import_result;
end
$$;
comment on function api.import_crs_account_group(text, jsonb, text[]) is
  'Imports a CRS account group and its members (members that are not imported accounts of its platform are left out and noted). Idempotent. IMBAD; IMCNF refuses a group changed in relaypg since its import.';
grant execute on function api.import_crs_account_group(text, jsonb, text[]) to :DATABASE_APP_USER;

create function api.import_crs_sticky_session(p_platform text, p_session_hash text, p_account_id text, p_ttl_seconds integer)
returns api.import_result
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_account relaypg.accounts;
  v_inserted integer;
begin
  if p_platform is null or p_platform not in ('claude', 'gemini', 'openai', 'azure-openai') then
    perform relaypg.raise_invalid('platform', 'must be claude, gemini, openai or azure-openai');
  end if;
  if coalesce(p_session_hash, '') = '' or char_length(p_session_hash) > 128 then
    perform relaypg.raise_bad_crs_field('sessionHash', 'must be 1 to 128 characters');
  end if;
  if p_ttl_seconds is null or p_ttl_seconds <= 0 then
    return (null, 'skipped', array['the mapping has no remaining TTL'])::api.import_result;
  end if;
  if p_account_id ~* '^[0-9a-f-]{36}$' then
    select a.* into v_account from relaypg.accounts a where a.id = p_account_id::uuid;
  end if;
  if v_account.id is null then
    return (null, 'skipped', array[format('account %s is not imported', left(p_account_id, 64))])::api.import_result;
  end if;
  if v_account.platform <> p_platform then
    return (null, 'skipped', array[format('account %s is a %s account, not %s', v_account.id, v_account.platform, p_platform)])::api.import_result;
  end if;
  -- The first import wins: a re-run must not extend a live mapping's life
  -- (an expired one, not purged yet, is replaced).
  insert into relaypg.sticky_sessions as s (platform, session_hash, account_id, expires_at)
  values (p_platform, p_session_hash, v_account.id, now() + make_interval(secs => p_ttl_seconds))
  on conflict (platform, session_hash) do update
     set account_id = excluded.account_id, created_at = now(), expires_at = excluded.expires_at
   where s.expires_at <= now();
  get diagnostics v_inserted = row_count;
  if v_inserted = 1 then
    return (v_account.id, 'inserted', '{}'::text[])::api.import_result;
  end if;
  return (select (s.account_id, 'unchanged', '{}'::text[])::api.import_result from relaypg.sticky_sessions s
           where s.platform = p_platform and s.session_hash = p_session_hash);
end
$$;
comment on function api.import_crs_sticky_session(text, text, text, integer) is
  'Imports a live CRS sticky mapping with its remaining TTL; skipped (with a note) for an unknown account or no TTL. Idempotent. RVINV, IMBAD.';
grant execute on function api.import_crs_sticky_session(text, text, text, integer) to :DATABASE_APP_USER;

create function api.import_crs_oauth_session(p_redis_key text, p_fields jsonb, p_ttl_seconds integer, p_keyring jsonb)
returns api.import_result
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_id uuid;
  v_proxy record;
  v_secrets jsonb;
  v_inserted integer;
begin
  if p_redis_key is null or right(p_redis_key, 36) !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    perform relaypg.raise_bad_crs_field('(key)', 'must end with a UUID');
  end if;
  if p_fields is null or jsonb_typeof(p_fields) <> 'object' or coalesce(p_fields ->> 'codeVerifier', '') = ''
     or coalesce(p_fields ->> 'state', '') = '' then
    perform relaypg.raise_bad_crs_field('codeVerifier', 'a pending authorisation needs codeVerifier and state');
  end if;
  if p_ttl_seconds is null or p_ttl_seconds <= 0 then
    return (null, 'skipped', array['the authorisation has no remaining TTL'])::api.import_result;
  end if;
  v_id := right(p_redis_key, 36)::uuid;
  begin
    select * into v_proxy from relaypg.setting_proxy('proxy', nullif(nullif(p_fields ->> 'proxy', ''), 'null')::jsonb);
  exception when invalid_text_representation or sqlstate 'RVINV' then
    perform relaypg.raise_bad_crs_field('proxy', 'is not a usable proxy {type, host, port}');
  end;
  v_secrets := jsonb_build_object('codeVerifier', p_fields ->> 'codeVerifier')
            || case when v_proxy.password is null then '{}'::jsonb else jsonb_build_object('proxyPassword', v_proxy.password) end;
  insert into relaypg.oauth_sessions (id, platform, flow, state, code_challenge, proxy, details, secrets,
                                      secrets_key_version, created_at, expires_at)
  values (v_id,
          case when p_fields ->> 'type' = 'gemini' then 'gemini' when p_fields ->> 'platform' = 'openai' then 'openai' else 'claude' end,
          case when p_fields ->> 'type' = 'setup-token' then 'setup-token' else 'oauth' end,
          p_fields ->> 'state', nullif(p_fields ->> 'codeChallenge', ''), v_proxy.proxy,
          p_fields - array['codeVerifier', 'state', 'codeChallenge', 'proxy', 'createdAt', 'expiresAt'],
          relaypg.encrypt_secrets(v_secrets, p_keyring), relaypg.keyring_current_version(p_keyring),
          coalesce(relaypg.crs_timestamptz(p_fields, 'createdAt'), now()), now() + make_interval(secs => p_ttl_seconds))
  on conflict (id) do nothing;
  get diagnostics v_inserted = row_count;
  return (v_id, case when v_inserted = 1 then 'inserted' else 'unchanged' end, '{}'::text[])::api.import_result;
end
$$;
comment on function api.import_crs_oauth_session(text, jsonb, integer, jsonb) is
  'Imports a pending CRS OAuth authorisation (oauth:{id}) with its remaining TTL, encrypting its verifier. Idempotent. IMBAD, ACKEY.';
grant execute on function api.import_crs_oauth_session(text, jsonb, integer, jsonb) to :DATABASE_APP_USER;

create function api.list_dangling_key_bindings()
returns table (api_key_id uuid, field text, binding text)
language sql stable security definer set search_path = ''
as $$
  select k.id, b.field, b.binding
    from relaypg.api_keys k
   cross join lateral (values ('claudeAccountId', k.claude_account_id), ('claudeConsoleAccountId', k.claude_console_account_id),
                              ('geminiAccountId', k.gemini_account_id), ('openaiAccountId', k.openai_account_id),
                              ('azureOpenaiAccountId', k.azure_openai_account_id), ('bedrockAccountId', k.bedrock_account_id)) b(field, binding)
   where coalesce(b.binding, '') <> ''
     and not exists (select from relaypg.accounts a where a.id::text = lower(regexp_replace(b.binding, '^responses:', '', 'i')))
     and not exists (select from relaypg.account_groups g where 'group:' || g.id = lower(b.binding))
   order by k.id, b.field;
$$;
comment on function api.list_dangling_key_bindings() is 'Key bindings that name no existing account or group (they fall back to the pool, or fail for a group).';
grant execute on function api.list_dangling_key_bindings() to :DATABASE_APP_USER;
