--! Previous: -
--! Hash: sha1:b7b34af44320227f943cfd9bd54f8c78886c3630

-- foundation: schemas and grants, users, client kinds, API keys, CRS import.
-- Idempotent while it is current.sql: drop first, then create.
drop schema if exists api cascade;
drop schema if exists relaypg cascade;

-- ---------------------------------------------------------------------------
-- Schemas. `relaypg` is private (tables, helpers); `api` is the contract the
-- service calls. The runtime role gets USAGE on `api` and EXECUTE on its
-- functions, nothing else.
-- ---------------------------------------------------------------------------
create schema relaypg;
create schema api;

revoke all on schema relaypg from public;
revoke all on schema api from public;
grant usage on schema api to :DATABASE_APP_USER;

-- No function is executable by PUBLIC unless granted explicitly. This must be
-- the role-wide default: a per-schema default cannot take away PUBLIC's
-- built-in EXECUTE. (Migrations run as the owner, so this covers them all.)
alter default privileges revoke execute on functions from public;

-- The runtime role needs CONNECT; `graphile-migrate reset` revokes it from PUBLIC.
do $$
begin
  execute format('grant connect on database %I to %I', current_database(), ':DATABASE_APP_USER');
end
$$;

-- ---------------------------------------------------------------------------
-- Shared helpers
-- ---------------------------------------------------------------------------

-- Raises invalid input (RVINV) for one field; the field name travels in the
-- error's COLUMN so the service can report it without parsing text.
create function relaypg.raise_invalid(p_field text, p_message text, p_hint text default null)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  raise exception '%: %', p_field, p_message
    using errcode = 'RVINV', column = p_field, hint = coalesce(p_hint, '');
end
$$;
comment on function relaypg.raise_invalid(text, text, text) is
  'Raises RVINV (invalid input) naming the offending field in COLUMN.';

-- ---------------------------------------------------------------------------
-- Users (the owners of keys; CRS user:{id}). Only what key authentication
-- needs today: whether the owner is active. Everything else CRS keeps is
-- stored so that nothing is lost on import.
-- ---------------------------------------------------------------------------
create table relaypg.users (
  id            text primary key,
  username      text not null,
  email         text,
  display_name  text,
  first_name    text,
  last_name     text,
  role          text not null default 'user',
  is_active     boolean not null default true,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  last_login_at timestamptz,
  -- CRS fields without a typed home yet (apiKeyCount, totalUsage snapshots, ...).
  crs_extra     jsonb not null default '{}',
  constraint users_id_is_not_blank check (btrim(id) <> ''),
  constraint users_username_is_not_blank check (btrim(username) <> ''),
  constraint users_username_is_unique unique (username),
  constraint users_role_is_known check (role in ('user', 'admin')),
  constraint users_crs_extra_is_an_object check (jsonb_typeof(crs_extra) = 'object')
);
comment on table relaypg.users is 'Owners of API keys (CRS user:{id}). Private: reached through api.* functions.';

-- ---------------------------------------------------------------------------
-- API keys (CRS apikey:{id} + apikey:hash_map)
-- ---------------------------------------------------------------------------
create table relaypg.api_keys (
  id                        uuid primary key default gen_random_uuid(),
  name                      text not null,
  description               text not null default '',
  -- Only a digest of the key is stored. Scheme 'hmac-sha256:vN': HMAC-SHA256
  -- with version N of the service's API_KEY_HMAC_SECRET (versions let the
  -- secret be rotated: see api.authenticate_api_key); 'crs-sha256':
  -- sha256(key || CRS ENCRYPTION_KEY), kept for keys imported from CRS.
  digest                    bytea not null,
  digest_scheme             text not null,
  permissions               text not null default 'all',
  is_active                 boolean not null default true,
  token_limit               bigint not null default 0,
  concurrency_limit         integer not null default 0,
  rate_limit_window         integer not null default 0,
  rate_limit_requests       integer not null default 0,
  rate_limit_cost           numeric not null default 0,
  daily_cost_limit          numeric not null default 0,
  weekly_opus_cost_limit    numeric not null default 0,
  -- Account bindings, verbatim CRS values: an account id, 'group:{id}' or,
  -- for OpenAI, 'responses:{id}'. Typed references come with the account domain.
  claude_account_id         text,
  claude_console_account_id text,
  gemini_account_id         text,
  openai_account_id         text,
  azure_openai_account_id   text,
  bedrock_account_id        text,
  enable_model_restriction  boolean not null default false,
  restricted_models         text[] not null default '{}',
  enable_client_restriction boolean not null default false,
  allowed_clients           text[] not null default '{}',
  tags                      text[] not null default '{}',
  expiration_mode           text not null default 'fixed',
  activation_days           integer not null default 0,
  is_activated              boolean not null default true,
  activated_at              timestamptz,
  expires_at                timestamptz,
  owner_user_id             text references relaypg.users (id) on update cascade on delete restrict,
  icon                      text not null default '',
  created_by                text not null default 'admin',
  created_at                timestamptz not null default now(),
  updated_at                timestamptz not null default now(),
  last_used_at              timestamptz,
  deleted_at                timestamptz,
  deleted_by                text,
  deleted_by_type           text,
  restored_at               timestamptz,
  restored_by               text,
  restored_by_type          text,
  -- Bumped by trigger on every change except last_used_at; caches compare it
  -- to drop decisions read before a change committed.
  auth_version              bigint not null default 1,
  -- CRS fields without a typed home (e.g. the deprecated ccrAccountId).
  crs_extra                 jsonb not null default '{}',
  -- Import bookkeeping: a fingerprint of the CRS hash last imported and the
  -- auth_version it produced. A re-import never overwrites a key changed in
  -- relaypg since (regenerated, deleted, edited): see api.import_crs_api_key.
  crs_fingerprint           text,
  crs_synced_version        bigint,

  constraint api_keys_digest_is_unique unique (digest),
  constraint api_keys_digest_is_32_bytes check (octet_length(digest) = 32),
  constraint api_keys_digest_scheme_is_known check (digest_scheme ~ '^(hmac-sha256:v[1-9][0-9]{0,8}|crs-sha256)$'),
  constraint api_keys_name_is_not_blank check (btrim(name) <> ''),
  constraint api_keys_name_is_short check (char_length(name) <= 200),
  constraint api_keys_permissions_is_known check (permissions in ('all', 'claude', 'gemini', 'openai')),
  constraint api_keys_token_limit_is_non_negative check (token_limit >= 0),
  constraint api_keys_concurrency_limit_is_non_negative check (concurrency_limit >= 0),
  constraint api_keys_rate_limit_window_is_non_negative check (rate_limit_window >= 0),
  constraint api_keys_rate_limit_requests_is_non_negative check (rate_limit_requests >= 0),
  constraint api_keys_rate_limit_cost_is_non_negative check (rate_limit_cost >= 0),
  constraint api_keys_daily_cost_limit_is_non_negative check (daily_cost_limit >= 0),
  constraint api_keys_weekly_opus_cost_limit_is_non_negative check (weekly_opus_cost_limit >= 0),
  constraint api_keys_expiration_mode_is_known check (expiration_mode in ('fixed', 'activation')),
  constraint api_keys_activation_days_is_non_negative check (activation_days >= 0),
  constraint api_keys_activation_is_consistent check (
    expiration_mode = 'fixed' or is_activated = (activated_at is not null)),
  constraint api_keys_deleted_by_type_is_known check (deleted_by_type in ('user', 'admin', 'system')),
  constraint api_keys_restored_by_type_is_known check (restored_by_type in ('user', 'admin', 'system')),
  constraint api_keys_crs_extra_is_an_object check (jsonb_typeof(crs_extra) = 'object')
);
comment on table relaypg.api_keys is
  'API keys handed to users (CRS apikey:{id}). Only digests are stored. Private: reached through api.* functions.';

-- Keys purged in relaypg: a later CRS import must not bring them back.
create table relaypg.purged_api_keys (
  id        uuid primary key,
  purged_at timestamptz not null default now()
);
comment on table relaypg.purged_api_keys is 'Tombstones of permanently deleted keys (the CRS importer refuses these ids).';

create index api_keys_owner_user_id_idx on relaypg.api_keys (owner_user_id) where owner_user_id is not null;
create index api_keys_tags_idx on relaypg.api_keys using gin (tags);
create index api_keys_created_at_idx on relaypg.api_keys (created_at desc, id desc);

-- ---------------------------------------------------------------------------
-- Cache invalidation. Any change to a key except last_used_at bumps
-- auth_version; the AFTER trigger announces it on channel
-- 'relaypg_api_key_changed' (delivered on commit) so every instance drops its
-- cached decisions for that key at once.
-- ---------------------------------------------------------------------------
create function relaypg.api_keys_bump_auth_version()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.auth_version <> old.auth_version then
    return new;  -- explicit bump (owner change), keep it
  end if;
  if (to_jsonb(new) - array['last_used_at', 'auth_version', 'updated_at', 'crs_fingerprint', 'crs_synced_version'])
     is distinct from (to_jsonb(old) - array['last_used_at', 'auth_version', 'updated_at', 'crs_fingerprint', 'crs_synced_version']) then
    new.auth_version := old.auth_version + 1;
  end if;
  return new;
end
$$;
comment on function relaypg.api_keys_bump_auth_version() is
  'BEFORE UPDATE trigger: bumps auth_version on any change other than last_used_at/updated_at/import bookkeeping; keeps an explicit bump.';

create trigger _100_bump_auth_version
  before update on relaypg.api_keys
  for each row execute function relaypg.api_keys_bump_auth_version();

create function relaypg.api_keys_notify_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    perform pg_notify('relaypg_api_key_changed',
      json_build_object('id', old.id, 'version', old.auth_version + 1)::text);
  elsif new.auth_version <> old.auth_version then
    perform pg_notify('relaypg_api_key_changed',
      json_build_object('id', new.id, 'version', new.auth_version)::text);
  end if;
  return null;
end
$$;
comment on function relaypg.api_keys_notify_change() is
  'AFTER trigger: NOTIFY relaypg_api_key_changed {id, version} when a key''s cached decision may change.';

create trigger _900_notify_change
  after update or delete on relaypg.api_keys
  for each row execute function relaypg.api_keys_notify_change();

-- A user's activity is part of every decision about their keys: bump them.
create function relaypg.users_propagate_activity()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.is_active is distinct from old.is_active then
    -- Lock in id order, like api.record_api_key_uses, so the two cannot deadlock.
    perform 1 from relaypg.api_keys k where k.owner_user_id = new.id order by k.id for update;
    update relaypg.api_keys k
       set auth_version = k.auth_version + 1
     where k.owner_user_id = new.id;
  end if;
  return null;
end
$$;
comment on function relaypg.users_propagate_activity() is
  'AFTER UPDATE trigger on users: a change of is_active invalidates the cached decisions of the user''s keys.';

create trigger _900_propagate_activity
  after update of is_active on relaypg.users
  for each row execute function relaypg.users_propagate_activity();


-- ---------------------------------------------------------------------------
-- Client kinds: the client identities a key may be restricted to (CRS
-- config.clientRestrictions.predefinedClients). The service classifies a
-- request's User-Agent with these patterns (case-insensitive) and passes the id.
-- ---------------------------------------------------------------------------
create table relaypg.client_kinds (
  id                 text primary key,
  name               text not null,
  description        text not null default '',
  user_agent_pattern text not null,
  constraint client_kinds_id_is_an_identifier check (id ~ '^[a-z][a-z0-9_]{0,63}$')
);
comment on table relaypg.client_kinds is 'Known client identities for key client restrictions (CRS predefinedClients).';

insert into relaypg.client_kinds (id, name, description, user_agent_pattern) values
  ('claude_code', 'ClaudeCode', 'Official Claude Code CLI', '^claude-cli/[\d.]+\s+\('),
  ('gemini_cli', 'Gemini-CLI', 'Gemini Command Line Interface', '^GeminiCLI/v?[\d.]+\s+\(');

create function api.list_client_kinds()
returns table (id text, name text, user_agent_pattern text)
language sql
stable
security definer
set search_path = ''
as $$
  select c.id, c.name, c.user_agent_pattern from relaypg.client_kinds c order by c.id;
$$;
comment on function api.list_client_kinds() is
  'Client identities and their User-Agent patterns (match case-insensitively).';
grant execute on function api.list_client_kinds() to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- Typed readers for settings passed as jsonb (create/update). Each raises
-- RVINV naming the field when the value has the wrong type or range.
-- ---------------------------------------------------------------------------
create function relaypg.setting_text(p_field text, p_value jsonb, p_nullable boolean, p_max_length integer)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_text text;
begin
  if p_value is null or jsonb_typeof(p_value) = 'null' then
    if not p_nullable then
      perform relaypg.raise_invalid(p_field, 'must not be null');
    end if;
    return null;
  end if;
  if jsonb_typeof(p_value) <> 'string' then
    perform relaypg.raise_invalid(p_field, 'must be a string');
  end if;
  v_text := p_value #>> '{}';
  if char_length(v_text) > p_max_length then
    perform relaypg.raise_invalid(p_field, format('must be at most %s characters', p_max_length));
  end if;
  return v_text;
end
$$;
comment on function relaypg.setting_text(text, jsonb, boolean, integer) is
  'Reads a string setting; null only when p_nullable; RVINV on wrong type or length.';

create function relaypg.setting_boolean(p_field text, p_value jsonb)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_value is null or jsonb_typeof(p_value) <> 'boolean' then
    perform relaypg.raise_invalid(p_field, 'must be true or false');
  end if;
  return p_value::boolean;
end
$$;
comment on function relaypg.setting_boolean(text, jsonb) is 'Reads a boolean setting; RVINV otherwise.';

create function relaypg.setting_count(p_field text, p_value jsonb, p_max bigint)
returns bigint
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_number numeric;
begin
  if p_value is null or jsonb_typeof(p_value) <> 'number' then
    perform relaypg.raise_invalid(p_field, 'must be a whole number');
  end if;
  v_number := p_value::numeric;
  if v_number <> trunc(v_number) then
    perform relaypg.raise_invalid(p_field, 'must be a whole number');
  end if;
  if v_number < 0 then
    perform relaypg.raise_invalid(p_field, 'must not be negative', '0 means no limit');
  end if;
  if v_number > p_max then
    perform relaypg.raise_invalid(p_field, format('must be at most %s', p_max));
  end if;
  return v_number::bigint;
end
$$;
comment on function relaypg.setting_count(text, jsonb, bigint) is
  'Reads a non-negative whole number up to p_max; RVINV otherwise.';

create function relaypg.setting_money(p_field text, p_value jsonb)
returns numeric
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_amount numeric;
begin
  if p_value is not null and jsonb_typeof(p_value) = 'number' then
    v_amount := p_value::numeric;
  elsif p_value is not null and jsonb_typeof(p_value) = 'string'
        and (p_value #>> '{}') ~ '^\s*-?[0-9]+(\.[0-9]+)?\s*$' then
    v_amount := (p_value #>> '{}')::numeric;
  else
    perform relaypg.raise_invalid(p_field, 'must be a decimal amount in USD');
  end if;
  if v_amount < 0 then
    perform relaypg.raise_invalid(p_field, 'must not be negative', '0 means no limit');
  end if;
  if v_amount >= 1e12 then
    perform relaypg.raise_invalid(p_field, 'is too large');
  end if;
  return v_amount;
end
$$;
comment on function relaypg.setting_money(text, jsonb) is
  'Reads a non-negative USD amount given as a JSON number or decimal string; RVINV otherwise.';

create function relaypg.setting_text_array(p_field text, p_value jsonb, p_max_items integer, p_max_length integer)
returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_items text[];
begin
  if p_value is null or jsonb_typeof(p_value) <> 'array' then
    perform relaypg.raise_invalid(p_field, 'must be an array of strings');
  end if;
  if exists (select 1 from jsonb_array_elements(p_value) e where jsonb_typeof(e) <> 'string') then
    perform relaypg.raise_invalid(p_field, 'must be an array of strings');
  end if;
  -- Trimmed, de-duplicated, in first-seen order.
  select coalesce(array_agg(t.item order by t.first_at), '{}')
    into v_items
    from (select btrim(e.value) as item, min(e.ordinality) as first_at
            from jsonb_array_elements_text(p_value) with ordinality e
           group by btrim(e.value)) t;
  if exists (select 1 from unnest(v_items) i where i = '') then
    perform relaypg.raise_invalid(p_field, 'must not contain blank entries');
  end if;
  if exists (select 1 from unnest(v_items) i where char_length(i) > p_max_length) then
    perform relaypg.raise_invalid(p_field, format('entries must be at most %s characters', p_max_length));
  end if;
  if cardinality(v_items) > p_max_items then
    perform relaypg.raise_invalid(p_field, format('must have at most %s entries', p_max_items));
  end if;
  return v_items;
end
$$;
comment on function relaypg.setting_text_array(text, jsonb, integer, integer) is
  'Reads an array of non-blank strings (trimmed, de-duplicated); RVINV otherwise.';

create function relaypg.setting_timestamptz(p_field text, p_value jsonb)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
begin
  if p_value is null or jsonb_typeof(p_value) = 'null' then
    return null;
  end if;
  if jsonb_typeof(p_value) <> 'string'
     or (p_value #>> '{}') !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$' then
    perform relaypg.raise_invalid(p_field, 'must be an ISO 8601 timestamp with a time zone, or null');
  end if;
  return (p_value #>> '{}')::timestamptz;
exception
  when datetime_field_overflow or invalid_datetime_format then
    perform relaypg.raise_invalid(p_field, 'is not a valid timestamp');
end
$$;
comment on function relaypg.setting_timestamptz(text, jsonb) is
  'Reads an ISO 8601 timestamp with zone (or null); RVINV otherwise.';

-- ---------------------------------------------------------------------------
-- The public shape of a key (everything but the digest).
-- ---------------------------------------------------------------------------
create type api.api_key as (
  id                        uuid,
  name                      text,
  description               text,
  digest_scheme             text,
  permissions               text,
  is_active                 boolean,
  token_limit               bigint,
  concurrency_limit         integer,
  rate_limit_window         integer,
  rate_limit_requests       integer,
  rate_limit_cost           numeric,
  daily_cost_limit          numeric,
  weekly_opus_cost_limit    numeric,
  claude_account_id         text,
  claude_console_account_id text,
  gemini_account_id         text,
  openai_account_id         text,
  azure_openai_account_id   text,
  bedrock_account_id        text,
  enable_model_restriction  boolean,
  restricted_models         text[],
  enable_client_restriction boolean,
  allowed_clients           text[],
  tags                      text[],
  expiration_mode           text,
  activation_days           integer,
  is_activated              boolean,
  activated_at              timestamptz,
  expires_at                timestamptz,
  owner_user_id             text,
  owner_username            text,
  icon                      text,
  created_by                text,
  created_at                timestamptz,
  updated_at                timestamptz,
  last_used_at              timestamptz,
  deleted_at                timestamptz,
  deleted_by                text,
  deleted_by_type           text,
  restored_at               timestamptz,
  restored_by               text,
  restored_by_type          text,
  auth_version              bigint,
  crs_extra                 jsonb
);
comment on type api.api_key is 'An API key as the service sees it: every stored field except the digest.';

create function relaypg.to_api_key(p_key relaypg.api_keys)
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
    p_key.auth_version, p_key.crs_extra
  )::api.api_key;
$$;
comment on function relaypg.to_api_key(relaypg.api_keys) is 'Projects a stored key to api.api_key (drops the digest, adds the owner''s username).';

-- Locks and returns a key, or raises KYNFD.
create function relaypg.lock_api_key(p_id uuid)
returns relaypg.api_keys
language plpgsql
volatile
set search_path = ''
as $$
declare
  v_key relaypg.api_keys;
begin
  select k.* into v_key from relaypg.api_keys k where k.id = p_id for update;
  if not found then
    raise exception 'API key % not found', p_id
      using errcode = 'KYNFD', hint = 'Check the id; permanently deleted keys cannot be recovered.';
  end if;
  return v_key;
end
$$;
comment on function relaypg.lock_api_key(uuid) is 'SELECT ... FOR UPDATE of one key; KYNFD when absent.';

create function relaypg.check_digest(p_digest bytea, p_digest_scheme text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_digest is null or octet_length(p_digest) <> 32 then
    perform relaypg.raise_invalid('digest', 'must be 32 bytes');
  end if;
  if p_digest_scheme is null or p_digest_scheme !~ '^(hmac-sha256:v[1-9][0-9]{0,8}|crs-sha256)$' then
    perform relaypg.raise_invalid('digest_scheme', 'must be hmac-sha256:v<version> or crs-sha256');
  end if;
end
$$;
comment on function relaypg.check_digest(bytea, text) is 'Validates a digest and its scheme; RVINV otherwise.';

-- Applies settings (jsonb, snake_case field names) onto a key row and
-- validates the result. Used by create (onto defaults) and update (onto the
-- stored row). Absent fields are left as they are.
create function relaypg.apply_api_key_settings(p_key relaypg.api_keys, p_settings jsonb)
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

-- ---------------------------------------------------------------------------
-- API-key functions (the contract)
-- ---------------------------------------------------------------------------
create function api.create_api_key(p_digest bytea, p_digest_scheme text, p_settings jsonb)
returns api.api_key
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_key relaypg.api_keys;
begin
  perform relaypg.check_digest(p_digest, p_digest_scheme);
  if p_settings is null or not (p_settings ? 'name') then
    perform relaypg.raise_invalid('name', 'is required');
  end if;
  -- The column defaults, spelled out: a row variable does not get them.
  v_key := jsonb_populate_record(null::relaypg.api_keys, jsonb_build_object(
    'description', '', 'permissions', 'all', 'is_active', true, 'token_limit', 0,
    'concurrency_limit', 0, 'rate_limit_window', 0, 'rate_limit_requests', 0,
    'rate_limit_cost', 0, 'daily_cost_limit', 0, 'weekly_opus_cost_limit', 0,
    'enable_model_restriction', false, 'restricted_models', '{}', 'enable_client_restriction', false,
    'allowed_clients', '{}', 'tags', '{}', 'expiration_mode', 'fixed', 'activation_days', 0,
    'icon', '', 'created_by', 'admin', 'crs_extra', '{}'::jsonb));
  v_key := relaypg.apply_api_key_settings(v_key, p_settings);
  v_key.id := gen_random_uuid();
  v_key.digest := p_digest;
  v_key.digest_scheme := p_digest_scheme;
  v_key.created_at := now();
  v_key.updated_at := now();
  v_key.auth_version := 1;
  if exists (select 1 from relaypg.api_keys k where k.digest = p_digest) then
    raise exception 'an API key with this digest already exists'
      using errcode = 'KYDUP', hint = 'Generate a new key.';
  end if;
  insert into relaypg.api_keys select v_key.*;
  return relaypg.to_api_key(v_key);
end
$$;
comment on function api.create_api_key(bytea, text, jsonb) is
  'Creates a key from its digest and settings (snake_case jsonb; name required). The plain key never reaches the database.';
grant execute on function api.create_api_key(bytea, text, jsonb) to :DATABASE_APP_USER;

create function api.get_api_key(p_id uuid)
returns api.api_key
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_key relaypg.api_keys;
begin
  select k.* into v_key from relaypg.api_keys k where k.id = p_id;
  if not found then
    raise exception 'API key % not found', p_id using errcode = 'KYNFD';
  end if;
  return relaypg.to_api_key(v_key);
end
$$;
comment on function api.get_api_key(uuid) is 'One key by id; KYNFD when absent.';
grant execute on function api.get_api_key(uuid) to :DATABASE_APP_USER;

-- Shared by list and count so both see the same filter.
create function relaypg.filter_api_keys(
  p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text)
returns setof relaypg.api_keys
language sql
stable
set search_path = ''
as $$
  select k.*
    from relaypg.api_keys k
   where (p_is_active is null or k.is_active = p_is_active)
     and (p_is_deleted is null or (k.deleted_at is not null) = p_is_deleted)
     and (p_tag is null or k.tags @> array[p_tag])
     and (p_owner_user_id is null or k.owner_user_id = p_owner_user_id)
     and (p_search is null
          or k.name ilike '%' || replace(replace(replace(p_search, '\', '\\'), '%', '\%'), '_', '\_') || '%');
$$;
comment on function relaypg.filter_api_keys(boolean, boolean, text, text, text) is
  'Keys matching the list filters (null = any); p_search is a case-insensitive substring of the name.';

create function api.list_api_keys(
  p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text,
  p_limit integer, p_offset integer)
returns setof api.api_key
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
    select (relaypg.to_api_key(k)).*
      from relaypg.filter_api_keys(p_is_active, p_is_deleted, p_tag, p_owner_user_id, p_search) k
     order by k.created_at desc, k.id desc
     limit p_limit offset p_offset;
end
$$;
comment on function api.list_api_keys(boolean, boolean, text, text, text, integer, integer) is
  'One page of keys, newest first, filtered (null = any); see api.count_api_keys for the total.';
grant execute on function api.list_api_keys(boolean, boolean, text, text, text, integer, integer) to :DATABASE_APP_USER;

create function api.count_api_keys(
  p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text)
returns bigint
language sql
stable
security definer
set search_path = ''
as $$
  select count(*) from relaypg.filter_api_keys(p_is_active, p_is_deleted, p_tag, p_owner_user_id, p_search);
$$;
comment on function api.count_api_keys(boolean, boolean, text, text, text) is 'How many keys match the list filters.';
grant execute on function api.count_api_keys(boolean, boolean, text, text, text) to :DATABASE_APP_USER;

-- Writes a whole key row back (every column but the id). The one place that
-- lists them, for the functions that compute a new row and store it. A row
-- with its old auth_version lets the trigger decide the bump; a higher one is kept.
create function relaypg.save_api_key(p_key relaypg.api_keys)
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
    crs_synced_version = p_key.crs_synced_version
  where k.id = p_key.id
  returning k.* into v_saved;
  return v_saved;
end
$$;
comment on function relaypg.save_api_key(relaypg.api_keys) is
  'Writes every column of a key row (but id) and returns the stored row; auth_version as given, bumped by the trigger if unchanged.';

create function api.update_api_key(p_id uuid, p_changes jsonb)
returns api.api_key
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_old relaypg.api_keys;
  v_new relaypg.api_keys;
begin
  v_old := relaypg.lock_api_key(p_id);
  v_new := relaypg.apply_api_key_settings(v_old, p_changes);
  if to_jsonb(v_new) = to_jsonb(v_old) then
    return relaypg.to_api_key(v_old);  -- nothing changed: no write, no invalidation
  end if;
  v_new.updated_at := now();
  return relaypg.to_api_key(relaypg.save_api_key(v_new));
end
$$;
comment on function api.update_api_key(uuid, jsonb) is
  'Partial update: only the fields present in p_changes (snake_case jsonb) change. KYNFD, RVINV, USNFD.';
grant execute on function api.update_api_key(uuid, jsonb) to :DATABASE_APP_USER;

create function relaypg.check_actor_type(p_field text, p_type text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_type is null or p_type not in ('user', 'admin', 'system') then
    perform relaypg.raise_invalid(p_field, 'must be user, admin or system');
  end if;
end
$$;
comment on function relaypg.check_actor_type(text, text) is 'Validates who acted (user/admin/system); RVINV otherwise.';

create function api.delete_api_key(p_id uuid, p_deleted_by text, p_deleted_by_type text)
returns api.api_key
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_key relaypg.api_keys;
begin
  perform relaypg.check_actor_type('deleted_by_type', p_deleted_by_type);
  v_key := relaypg.lock_api_key(p_id);
  if v_key.deleted_at is not null then
    raise exception 'API key % is already deleted', p_id using errcode = 'KYDEL';
  end if;
  update relaypg.api_keys k
     set deleted_at = now(), deleted_by = p_deleted_by, deleted_by_type = p_deleted_by_type, updated_at = now()
   where k.id = p_id
  returning k.* into v_key;
  return relaypg.to_api_key(v_key);
end
$$;
comment on function api.delete_api_key(uuid, text, text) is
  'Soft delete: the key stops authenticating at once and can be restored. KYNFD, KYDEL.';
grant execute on function api.delete_api_key(uuid, text, text) to :DATABASE_APP_USER;

create function api.restore_api_key(p_id uuid, p_restored_by text, p_restored_by_type text)
returns api.api_key
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_key relaypg.api_keys;
begin
  perform relaypg.check_actor_type('restored_by_type', p_restored_by_type);
  v_key := relaypg.lock_api_key(p_id);
  if v_key.deleted_at is null then
    raise exception 'API key % is not deleted', p_id using errcode = 'KYNDL';
  end if;
  update relaypg.api_keys k
     set deleted_at = null, deleted_by = null, deleted_by_type = null,
         restored_at = now(), restored_by = p_restored_by, restored_by_type = p_restored_by_type,
         updated_at = now()
   where k.id = p_id
  returning k.* into v_key;
  return relaypg.to_api_key(v_key);
end
$$;
comment on function api.restore_api_key(uuid, text, text) is
  'Undoes a soft delete; is_active is left as it was. KYNFD, KYNDL.';
grant execute on function api.restore_api_key(uuid, text, text) to :DATABASE_APP_USER;

create function api.regenerate_api_key(p_id uuid, p_digest bytea, p_digest_scheme text)
returns api.api_key
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_key relaypg.api_keys;
begin
  perform relaypg.check_digest(p_digest, p_digest_scheme);
  v_key := relaypg.lock_api_key(p_id);
  if v_key.deleted_at is not null then
    raise exception 'API key % is deleted', p_id using errcode = 'KYDEL', hint = 'Restore it first.';
  end if;
  if exists (select 1 from relaypg.api_keys k where k.digest = p_digest) then
    raise exception 'an API key with this digest already exists' using errcode = 'KYDUP';
  end if;
  -- The old digest is overwritten: the old key stops authenticating at once.
  update relaypg.api_keys k
     set digest = p_digest, digest_scheme = p_digest_scheme, updated_at = now()
   where k.id = p_id
  returning k.* into v_key;
  return relaypg.to_api_key(v_key);
end
$$;
comment on function api.regenerate_api_key(uuid, bytea, text) is
  'Replaces a key''s digest; the old plain key stops working at once. KYNFD, KYDEL, KYDUP.';
grant execute on function api.regenerate_api_key(uuid, bytea, text) to :DATABASE_APP_USER;

create function api.purge_api_key(p_id uuid)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_key relaypg.api_keys;
begin
  v_key := relaypg.lock_api_key(p_id);
  if v_key.deleted_at is null then
    raise exception 'API key % must be deleted before it is purged', p_id
      using errcode = 'KYNDL', hint = 'Soft-delete it first.';
  end if;
  delete from relaypg.api_keys k where k.id = p_id;
  insert into relaypg.purged_api_keys (id) values (p_id) on conflict (id) do nothing;
  return p_id;
end
$$;
comment on function api.purge_api_key(uuid) is
  'Permanent delete of a soft-deleted key. KYNFD, KYNDL.';
grant execute on function api.purge_api_key(uuid) to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- Authentication: one call, the database decides.
-- ---------------------------------------------------------------------------
create function relaypg.strip_vendor_prefix(p_model text)
returns text
language sql
immutable
as $$
  -- 'ccr,claude-sonnet-4' routes to a vendor; restrictions apply to the model.
  select case when position(',' in p_model) > 0 then substr(p_model, position(',' in p_model) + 1) else p_model end;
$$;
comment on function relaypg.strip_vendor_prefix(text) is 'Drops a CRS vendor prefix ("ccr,") from a requested model name.';

-- No SET clause on iso_timestamp or strip_vendor_prefix: PostgreSQL inlines a plain SQL function into
-- the calling query, and a SET clause (or security definer) would prevent it.
-- They reference pg_catalog only, so the caller's search_path cannot matter.
create function relaypg.iso_timestamp(p_at timestamptz)
returns text
language sql
stable
as $$
  -- The shape of JavaScript's Date.prototype.toISOString (and of CRS's data).
  select to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
$$;
comment on function relaypg.iso_timestamp(timestamptz) is 'A timestamp as ISO 8601 UTC with milliseconds, like toISOString().';

-- What a key holder may see of their own key and what relay decisions need,
-- as one JSON document in the service's field names: the service caches and
-- returns it as is (src/api-keys/auth-decision.ts declares the same fields).
-- The attribute names are the JSON field names, hence quoted camelCase.
create type api.authenticated_key as (
  "id"                     uuid,
  "name"                   text,
  "description"            text,
  "permissions"            text,
  "tokenLimit"             bigint,
  "concurrencyLimit"       integer,
  "rateLimitWindow"        integer,
  "rateLimitRequests"      integer,
  "rateLimitCost"          text,
  "dailyCostLimit"         text,
  "weeklyOpusCostLimit"    text,
  "claudeAccountId"        text,
  "claudeConsoleAccountId" text,
  "geminiAccountId"        text,
  "openaiAccountId"        text,
  "azureOpenaiAccountId"   text,
  "bedrockAccountId"       text,
  "enableModelRestriction" boolean,
  "restrictedModels"       text[],
  "enableClientRestriction" boolean,
  "allowedClients"         text[],
  "tags"                   text[],
  "expirationMode"         text,
  "activationDays"         integer,
  "activatedAt"            text,
  "expiresAt"              text,
  "userId"                 text,
  "createdAt"              text
);
comment on type api.authenticated_key is
  'The key holder''s view of a key; api.authenticate_api_key returns it as JSON (money as decimal strings, times as ISO 8601).';

-- row_to_json over this type is about twice as cheap as json_build_object
-- with 56 arguments, and this runs on every uncached authentication. No SET
-- clause (it costs on every call): every name in the body is qualified, and
-- it is called only from security definer functions that pin search_path.
create function relaypg.authenticated_key(p_key relaypg.api_keys)
returns json
language plpgsql
stable
as $$
begin
  return row_to_json(row(
    p_key.id, p_key.name, p_key.description, p_key.permissions, p_key.token_limit,
    p_key.concurrency_limit, p_key.rate_limit_window, p_key.rate_limit_requests,
    p_key.rate_limit_cost::text, p_key.daily_cost_limit::text, p_key.weekly_opus_cost_limit::text,
    p_key.claude_account_id, p_key.claude_console_account_id, p_key.gemini_account_id,
    p_key.openai_account_id, p_key.azure_openai_account_id, p_key.bedrock_account_id,
    p_key.enable_model_restriction, p_key.restricted_models, p_key.enable_client_restriction,
    p_key.allowed_clients, p_key.tags, p_key.expiration_mode, p_key.activation_days,
    relaypg.iso_timestamp(p_key.activated_at), relaypg.iso_timestamp(p_key.expires_at),
    p_key.owner_user_id, relaypg.iso_timestamp(p_key.created_at)
  )::api.authenticated_key);
end
$$;
comment on function relaypg.authenticated_key(relaypg.api_keys) is
  'The key holder''s view of a key (api.authenticated_key as JSON): returned by api.authenticate_api_key and cached as is.';

create function api.authenticate_api_key(
  p_digest bytea, p_crs_digest bytea, p_platform text, p_model text, p_client text,
  p_digest_scheme text default 'hmac-sha256:v1',
  p_previous_digests bytea[] default '{}', p_previous_schemes text[] default '{}')
returns table (
  refusal       text,
  activated_now boolean,
  rehashed_now  boolean,
  valid_until   timestamptz,
  id            uuid,
  auth_version  bigint,
  key           json
)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_key relaypg.api_keys;
  v_refusal text;
  v_activated boolean := false;
  v_owner_inactive boolean := false;
  v_rehashed boolean := false;
  v_id uuid;
begin
  if p_platform is not null and p_platform not in ('claude', 'gemini', 'openai') then
    perform relaypg.raise_invalid('platform', 'must be claude, gemini, openai or null');
  end if;

  select k.* into v_key from relaypg.api_keys k
   where k.digest = p_digest and k.digest_scheme = p_digest_scheme;
  -- After a rotation of the HMAC secret: the digests under previous versions.
  if not found and cardinality(p_previous_digests) > 0 then
    select k.* into v_key
      from unnest(p_previous_digests, p_previous_schemes) with ordinality as c(digest, scheme, n)
      join relaypg.api_keys k on k.digest = c.digest and k.digest_scheme = c.scheme
     order by c.n
     limit 1;
  end if;
  if not found and p_crs_digest is not null then
    select k.* into v_key from relaypg.api_keys k
     where k.digest = p_crs_digest and k.digest_scheme = 'crs-sha256';
  end if;
  -- A key waiting for its first use may be activated below: decide on the
  -- locked, latest row, so that a concurrent change (a disable, another first
  -- use, a regenerate) is seen before the decision, not after it.
  if v_key.id is not null and not v_key.is_activated then
    v_id := v_key.id;
    select k.* into v_key from relaypg.api_keys k
     where k.id = v_id and k.digest = v_key.digest
       for update;
  end if;
  -- Look the owner up only when there is one (most keys have none).
  if v_key.owner_user_id is not null then
    v_owner_inactive := not exists (
      select 1 from relaypg.users u where u.id = v_key.owner_user_id and u.is_active);
  end if;

  -- Refusals in CRS's order: existence, state, expiry, owner, then the request.
  v_refusal := case
    when v_key.id is null then 'AUUNK'
    when v_key.deleted_at is not null then 'AUDEL'
    when not v_key.is_active then 'AUDIS'
    when v_key.expires_at is not null and v_key.expires_at <= now() then 'AUEXP'
    when v_owner_inactive then 'AUOWN'
    when p_platform is not null and v_key.permissions not in ('all', p_platform) then 'AUNPL'
    when v_key.enable_model_restriction and p_model is not null
         and relaypg.strip_vendor_prefix(p_model) = any (v_key.restricted_models) then 'AUMOD'
    when v_key.enable_client_restriction and cardinality(v_key.allowed_clients) > 0
         and (p_client is null or not (p_client = any (v_key.allowed_clients))) then 'AUCLI'
  end;

  -- An accepted key found under a previous secret moves to the current one,
  -- so that the previous secret can be dropped once every key has been used.
  if v_refusal is null and v_key.digest_scheme like 'hmac-sha256:%' and v_key.digest_scheme <> p_digest_scheme then
    v_id := v_key.id;
    update relaypg.api_keys k
       set digest = p_digest, digest_scheme = p_digest_scheme
     where k.id = v_id and k.digest = v_key.digest
    returning k.* into v_key;
    v_rehashed := found;
    if not v_rehashed then
      select k.* into v_key from relaypg.api_keys k where k.id = v_id;  -- a concurrent use moved it first
    end if;
  end if;

  -- First accepted use of an activation-mode key starts its clock (the row
  -- is locked above, so concurrent first uses agree on one activation time).
  if v_refusal is null and not v_key.is_activated then
    update relaypg.api_keys k
       set is_activated = true,
           activated_at = now(),
           expires_at = now() + make_interval(days => k.activation_days)
     where k.id = v_key.id
    returning k.* into v_key;
    v_activated := true;
  end if;

  if v_key.id is null then
    return query select v_refusal, false, false, null::timestamptz, null::uuid, null::bigint, null::json;
    return;
  end if;
  return query select
    v_refusal, v_activated, v_rehashed,
    -- The decision can change by itself only when the key expires (a key
    -- already expired cannot change by itself: null, so the refusal is cached).
    case when v_key.expires_at > now() then v_key.expires_at end,
    v_key.id, v_key.auth_version, relaypg.authenticated_key(v_key);
end
$$;
comment on function api.authenticate_api_key(bytea, bytea, text, text, text, text, bytea[], text[]) is
  'Decides whether a presented key may make a request: one row with refusal = null (accepted) or a refusal SQLSTATE '
  '(AUUNK unknown, AUDEL deleted, AUDIS disabled, AUEXP expired, AUOWN owner inactive, AUNPL platform, AUMOD model, '
  'AUCLI client), and the key''s id, auth_version and holder view (key, see relaypg.authenticated_key). '
  'p_digest is the HMAC digest under the current secret (scheme p_digest_scheme), p_previous_digests/_schemes '
  'those under previous secrets (an accepted key found by one is moved to the current digest: rehashed_now), '
  'p_crs_digest the CRS digest (null when no CRS secret is configured). '
  'activated_now or rehashed_now = true means this call changed the key (a side effect: do not cache it). '
  'valid_until = when the decision changes by itself (expiry).';
grant execute on function api.authenticate_api_key(bytea, bytea, text, text, text, text, bytea[], text[]) to :DATABASE_APP_USER;

-- Batched "last used" tracking: the service collects uses in memory and
-- flushes them here, so a request never costs a write. Rows are locked in id
-- order so concurrent flushes from many instances cannot deadlock.
create function api.record_api_key_uses(p_key_ids uuid[], p_used_at timestamptz[])
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_count integer;
begin
  if cardinality(p_key_ids) is distinct from cardinality(p_used_at) then
    perform relaypg.raise_invalid('used_at', 'must have one entry per key id');
  end if;
  with uses as (
    select u.key_id, max(u.used_at) as used_at
      from unnest(p_key_ids, p_used_at) as u(key_id, used_at)
     where u.used_at is not null
     group by u.key_id
  ), locked as (
    select k.id, uses.used_at
      from relaypg.api_keys k join uses on uses.key_id = k.id
     where k.last_used_at is null or k.last_used_at < uses.used_at
     order by k.id
       for update of k
  )
  update relaypg.api_keys k
     set last_used_at = locked.used_at
    from locked
   where k.id = locked.id and (k.last_used_at is null or k.last_used_at < locked.used_at);
  get diagnostics v_count = row_count;
  return v_count;
end
$$;
comment on function api.record_api_key_uses(uuid[], timestamptz[]) is
  'Moves last_used_at forward for a batch of keys (never backwards); returns how many rows changed.';
grant execute on function api.record_api_key_uses(uuid[], timestamptz[]) to :DATABASE_APP_USER;

create function api.set_user_active(p_user_id text, p_is_active boolean)
returns boolean
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if p_is_active is null then
    perform relaypg.raise_invalid('is_active', 'must be true or false');
  end if;
  update relaypg.users u
     set is_active = p_is_active, updated_at = now()
   where u.id = p_user_id and u.is_active is distinct from p_is_active;
  if not found and not exists (select 1 from relaypg.users u where u.id = p_user_id) then
    raise exception 'user % not found', p_user_id using errcode = 'USNFD';
  end if;
  return p_is_active;
end
$$;
comment on function api.set_user_active(text, boolean) is
  'Enables or disables a user; their keys'' cached decisions are invalidated. USNFD.';
grant execute on function api.set_user_active(text, boolean) to :DATABASE_APP_USER;

-- Which migration the database is at (for /health).
create function api.migration_status()
returns table (filename text, hash text)
language sql
stable
security definer
set search_path = ''
as $$
  select m.filename, m.hash from graphile_migrate.migrations m order by m.date desc, m.filename desc limit 1;
$$;
comment on function api.migration_status() is 'The last committed migration applied to this database.';
grant execute on function api.migration_status() to :DATABASE_APP_USER;

-- ---------------------------------------------------------------------------
-- CRS import (API-key domain). CRS stores every hash value as a string with
-- '' for "unset"; these readers turn them into typed values or raise IMBAD
-- naming the CRS field, so the importer can report the record as refused.
-- ---------------------------------------------------------------------------
create function relaypg.raise_bad_crs_field(p_field text, p_message text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  raise exception 'CRS field %: %', p_field, p_message using errcode = 'IMBAD', column = p_field;
end
$$;
comment on function relaypg.raise_bad_crs_field(text, text) is 'Raises IMBAD (unusable CRS data) naming the CRS field in COLUMN.';

create function relaypg.crs_text(p_fields jsonb, p_field text)
returns text
language sql
immutable
set search_path = ''
as $$
  select nullif(p_fields ->> p_field, '');
$$;
comment on function relaypg.crs_text(jsonb, text) is 'A CRS string field; '''' and missing read as null.';

create function relaypg.crs_boolean(p_fields jsonb, p_field text, p_default boolean)
returns boolean
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_value jsonb := p_fields -> p_field;
begin
  if v_value is null or v_value = '""'::jsonb or jsonb_typeof(v_value) = 'null' then
    return p_default;
  elsif jsonb_typeof(v_value) = 'boolean' then
    return v_value::boolean;  -- JSON documents (user:*) keep real booleans
  elsif v_value #>> '{}' in ('true', 'false') then
    return (v_value #>> '{}')::boolean;
  end if;
  perform relaypg.raise_bad_crs_field(p_field, format('expected "true" or "false", got %s', v_value));
end
$$;
comment on function relaypg.crs_boolean(jsonb, text, boolean) is 'A CRS boolean ("true"/"false" or JSON boolean); '''' reads as p_default.';

create function relaypg.crs_count(p_fields jsonb, p_field text, p_max bigint)
returns bigint
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_text text := relaypg.crs_text(p_fields, p_field);
begin
  if v_text is null then
    return 0;
  elsif v_text ~ '^\s*[0-9]{1,18}\s*$' and v_text::bigint <= p_max then
    return v_text::bigint;
  end if;
  perform relaypg.raise_bad_crs_field(p_field, format('expected an integer from 0 to %s, got %L', p_max, left(v_text, 40)));
end
$$;
comment on function relaypg.crs_count(jsonb, text, bigint) is 'A CRS integer string from 0 to p_max; '''' reads as 0.';

create function relaypg.crs_money(p_fields jsonb, p_field text)
returns numeric
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_text text := relaypg.crs_text(p_fields, p_field);
begin
  if v_text is null then
    return 0;
  elsif v_text ~ '^\s*[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?\s*$' then
    return v_text::numeric;
  end if;
  perform relaypg.raise_bad_crs_field(p_field, format('expected a non-negative decimal, got %L', left(v_text, 40)));
end
$$;
comment on function relaypg.crs_money(jsonb, text) is 'A CRS non-negative decimal string (USD); '''' reads as 0.';

create function relaypg.crs_timestamptz(p_fields jsonb, p_field text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
declare
  v_text text := relaypg.crs_text(p_fields, p_field);
begin
  if v_text is null then
    return null;
  end if;
  if v_text !~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$' then
    perform relaypg.raise_bad_crs_field(p_field, format('expected an ISO 8601 timestamp, got %L', left(v_text, 40)));
  end if;
  return v_text::timestamptz;
exception
  when datetime_field_overflow or invalid_datetime_format then
    perform relaypg.raise_bad_crs_field(p_field, format('not a valid timestamp: %L', left(v_text, 40)));
end
$$;
comment on function relaypg.crs_timestamptz(jsonb, text) is 'A CRS ISO timestamp (toISOString); '''' reads as null.';

create function relaypg.crs_text_array(p_fields jsonb, p_field text)
returns text[]
language plpgsql
immutable
set search_path = ''
as $$
declare
  v_text text := relaypg.crs_text(p_fields, p_field);
  v_json jsonb;
begin
  if v_text is null then
    return '{}';
  end if;
  begin
    v_json := v_text::jsonb;
  exception when invalid_text_representation then
    perform relaypg.raise_bad_crs_field(p_field, 'expected a JSON array of strings');
  end;
  if jsonb_typeof(v_json) <> 'array'
     or exists (select 1 from jsonb_array_elements(v_json) e where jsonb_typeof(e) <> 'string') then
    perform relaypg.raise_bad_crs_field(p_field, 'expected a JSON array of strings');
  end if;
  return array(select jsonb_array_elements_text(v_json));
end
$$;
comment on function relaypg.crs_text_array(jsonb, text) is 'A CRS JSON-array-in-a-string field; '''' reads as {}.';

create function api.import_crs_user(p_redis_key text, p_document jsonb)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_known constant text[] := array['id', 'username', 'email', 'displayName', 'firstName', 'lastName',
                                   'role', 'isActive', 'createdAt', 'updatedAt', 'lastLoginAt'];
  v_new relaypg.users;
  v_old relaypg.users;
begin
  if p_document is null or jsonb_typeof(p_document) <> 'object' then
    perform relaypg.raise_bad_crs_field('(document)', 'expected a JSON object');
  end if;
  v_new.id := relaypg.crs_text(p_document, 'id');
  if v_new.id is null or p_redis_key is distinct from 'user:' || v_new.id then
    perform relaypg.raise_bad_crs_field('id', format('does not match the Redis key %s', p_redis_key));
  end if;
  v_new.username := relaypg.crs_text(p_document, 'username');
  if v_new.username is null then
    perform relaypg.raise_bad_crs_field('username', 'is missing');
  end if;
  v_new.email := relaypg.crs_text(p_document, 'email');
  v_new.display_name := relaypg.crs_text(p_document, 'displayName');
  v_new.first_name := relaypg.crs_text(p_document, 'firstName');
  v_new.last_name := relaypg.crs_text(p_document, 'lastName');
  v_new.role := coalesce(relaypg.crs_text(p_document, 'role'), 'user');
  if v_new.role not in ('user', 'admin') then
    perform relaypg.raise_bad_crs_field('role', format('unknown role %L', v_new.role));
  end if;
  v_new.is_active := relaypg.crs_boolean(p_document, 'isActive', true);
  select u.* into v_old from relaypg.users u where u.id = v_new.id for update;
  -- Without createdAt the first import's time stands, so a re-import is 'unchanged'.
  v_new.created_at := coalesce(relaypg.crs_timestamptz(p_document, 'createdAt'), v_old.created_at, now());
  v_new.updated_at := coalesce(relaypg.crs_timestamptz(p_document, 'updatedAt'), v_new.created_at);
  v_new.last_login_at := relaypg.crs_timestamptz(p_document, 'lastLoginAt');
  v_new.crs_extra := p_document - v_known;

  if v_old.id is null then
    insert into relaypg.users select v_new.*;
    return 'inserted';
  elsif to_jsonb(v_old) = to_jsonb(v_new) then
    return 'unchanged';
  end if;
  update relaypg.users u set
    username = v_new.username, email = v_new.email, display_name = v_new.display_name,
    first_name = v_new.first_name, last_name = v_new.last_name, role = v_new.role,
    is_active = v_new.is_active, created_at = v_new.created_at, updated_at = v_new.updated_at,
    last_login_at = v_new.last_login_at, crs_extra = v_new.crs_extra
  where u.id = v_new.id;
  return 'updated';
end
$$;
comment on function api.import_crs_user(text, jsonb) is
  'Imports one CRS user:{id} JSON document; returns inserted/updated/unchanged. IMBAD names a bad field.';
grant execute on function api.import_crs_user(text, jsonb) to :DATABASE_APP_USER;

create function api.import_crs_api_key(p_redis_key text, p_fields jsonb, p_in_hash_map boolean default true)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  -- Every apikey:{id} field with a typed home; the rest goes to crs_extra.
  v_known constant text[] := array[
    'id', 'name', 'description', 'apiKey', 'tokenLimit', 'concurrencyLimit', 'rateLimitWindow',
    'rateLimitRequests', 'rateLimitCost', 'isActive', 'claudeAccountId', 'claudeConsoleAccountId',
    'geminiAccountId', 'openaiAccountId', 'azureOpenaiAccountId', 'bedrockAccountId', 'permissions',
    'enableModelRestriction', 'restrictedModels', 'enableClientRestriction', 'allowedClients',
    'dailyCostLimit', 'weeklyOpusCostLimit', 'tags', 'activationDays', 'expirationMode', 'isActivated',
    'activatedAt', 'createdAt', 'lastUsedAt', 'expiresAt', 'createdBy', 'userId', 'icon', 'updatedAt',
    'isDeleted', 'deletedAt', 'deletedBy', 'deletedByType', 'restoredAt', 'restoredBy', 'restoredByType'];
  v_new relaypg.api_keys;
  v_old relaypg.api_keys;
  v_id_text text;
  v_digest_hex text;
  v_other uuid;
  v_owner_missing boolean := false;
begin
  if p_fields is null or jsonb_typeof(p_fields) <> 'object' then
    perform relaypg.raise_bad_crs_field('(hash)', 'expected an object of fields');
  end if;
  v_id_text := relaypg.crs_text(p_fields, 'id');
  if v_id_text is null or p_redis_key is distinct from 'apikey:' || v_id_text
     or v_id_text !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
    perform relaypg.raise_bad_crs_field('id', format('expected the UUID of the Redis key %s', p_redis_key));
  end if;
  v_digest_hex := lower(relaypg.crs_text(p_fields, 'apiKey'));
  if v_digest_hex is null or v_digest_hex !~ '^[0-9a-f]{64}$' then
    perform relaypg.raise_bad_crs_field('apiKey', 'expected the 64-hex SHA-256 digest of the key');
  end if;

  v_new.id := v_id_text::uuid;
  v_new.digest := decode(v_digest_hex, 'hex');
  v_new.digest_scheme := 'crs-sha256';
  v_new.name := relaypg.crs_text(p_fields, 'name');
  if v_new.name is null or btrim(v_new.name) = '' then
    perform relaypg.raise_bad_crs_field('name', 'is missing');
  end if;
  v_new.description := coalesce(p_fields ->> 'description', '');
  v_new.permissions := coalesce(relaypg.crs_text(p_fields, 'permissions'), 'all');
  if v_new.permissions not in ('all', 'claude', 'gemini', 'openai') then
    perform relaypg.raise_bad_crs_field('permissions', format('unknown value %L', v_new.permissions));
  end if;
  -- CRS: a key is active only when isActive is exactly 'true'.
  -- A key whose digest is not in apikey:hash_map could not authenticate in
  -- CRS: it is imported disabled, so the import does not switch it on.
  v_new.is_active := coalesce(p_fields ->> 'isActive', '') = 'true' and p_in_hash_map;  -- and the owner, below
  v_new.token_limit := relaypg.crs_count(p_fields, 'tokenLimit', 9007199254740991);
  v_new.concurrency_limit := relaypg.crs_count(p_fields, 'concurrencyLimit', 2147483647);
  v_new.rate_limit_window := relaypg.crs_count(p_fields, 'rateLimitWindow', 2147483647);
  v_new.rate_limit_requests := relaypg.crs_count(p_fields, 'rateLimitRequests', 2147483647);
  v_new.rate_limit_cost := relaypg.crs_money(p_fields, 'rateLimitCost');
  v_new.daily_cost_limit := relaypg.crs_money(p_fields, 'dailyCostLimit');
  v_new.weekly_opus_cost_limit := relaypg.crs_money(p_fields, 'weeklyOpusCostLimit');
  v_new.claude_account_id := relaypg.crs_text(p_fields, 'claudeAccountId');
  v_new.claude_console_account_id := relaypg.crs_text(p_fields, 'claudeConsoleAccountId');
  v_new.gemini_account_id := relaypg.crs_text(p_fields, 'geminiAccountId');
  v_new.openai_account_id := relaypg.crs_text(p_fields, 'openaiAccountId');
  v_new.azure_openai_account_id := relaypg.crs_text(p_fields, 'azureOpenaiAccountId');
  v_new.bedrock_account_id := relaypg.crs_text(p_fields, 'bedrockAccountId');
  v_new.enable_model_restriction := relaypg.crs_boolean(p_fields, 'enableModelRestriction', false);
  v_new.restricted_models := relaypg.crs_text_array(p_fields, 'restrictedModels');
  v_new.enable_client_restriction := relaypg.crs_boolean(p_fields, 'enableClientRestriction', false);
  v_new.allowed_clients := relaypg.crs_text_array(p_fields, 'allowedClients');
  v_new.tags := relaypg.crs_text_array(p_fields, 'tags');
  v_new.expiration_mode := coalesce(relaypg.crs_text(p_fields, 'expirationMode'), 'fixed');
  if v_new.expiration_mode not in ('fixed', 'activation') then
    perform relaypg.raise_bad_crs_field('expirationMode', format('unknown value %L', v_new.expiration_mode));
  end if;
  v_new.activation_days := relaypg.crs_count(p_fields, 'activationDays', 2147483647);
  v_new.created_at := relaypg.crs_timestamptz(p_fields, 'createdAt');
  if v_new.created_at is null then
    perform relaypg.raise_bad_crs_field('createdAt', 'is missing');
  end if;
  v_new.updated_at := coalesce(relaypg.crs_timestamptz(p_fields, 'updatedAt'), v_new.created_at);
  v_new.last_used_at := relaypg.crs_timestamptz(p_fields, 'lastUsedAt');
  v_new.expires_at := relaypg.crs_timestamptz(p_fields, 'expiresAt');
  v_new.activated_at := relaypg.crs_timestamptz(p_fields, 'activatedAt');
  if v_new.expiration_mode = 'activation' then
    -- CRS falls back to 30 days when activationDays is missing.
    if v_new.activation_days = 0 then
      v_new.activation_days := 30;
    end if;
    v_new.is_activated := relaypg.crs_boolean(p_fields, 'isActivated', false);
    if v_new.is_activated and v_new.activated_at is null then
      perform relaypg.raise_bad_crs_field('activatedAt', 'is missing for an activated key');
    elsif not v_new.is_activated then
      v_new.activated_at := null;
    end if;
  else
    v_new.is_activated := true;
  end if;
  v_new.created_by := coalesce(relaypg.crs_text(p_fields, 'createdBy'), 'admin');
  v_new.owner_user_id := relaypg.crs_text(p_fields, 'userId');
  -- CRS refuses a key whose owner is gone. Keep the key (nothing is lost) but
  -- disabled and owner-less; userId stays in crs_extra. Once the user exists,
  -- a re-import sees a new fingerprint and attaches it.
  v_owner_missing := v_new.owner_user_id is not null
    and not exists (select 1 from relaypg.users u where u.id = v_new.owner_user_id);
  if v_owner_missing then
    v_new.owner_user_id := null;
    v_new.is_active := false;
  end if;
  v_new.icon := coalesce(p_fields ->> 'icon', '');
  if coalesce(p_fields ->> 'isDeleted', '') = 'true' then
    v_new.deleted_at := coalesce(relaypg.crs_timestamptz(p_fields, 'deletedAt'), v_new.updated_at);
    v_new.deleted_by := relaypg.crs_text(p_fields, 'deletedBy');
    v_new.deleted_by_type := relaypg.crs_text(p_fields, 'deletedByType');
  end if;
  v_new.restored_at := relaypg.crs_timestamptz(p_fields, 'restoredAt');
  v_new.restored_by := relaypg.crs_text(p_fields, 'restoredBy');
  v_new.restored_by_type := relaypg.crs_text(p_fields, 'restoredByType');
  if v_new.deleted_by_type not in ('user', 'admin', 'system') then
    perform relaypg.raise_bad_crs_field('deletedByType', format('unknown value %L', v_new.deleted_by_type));
  end if;
  if v_new.restored_by_type not in ('user', 'admin', 'system') then
    perform relaypg.raise_bad_crs_field('restoredByType', format('unknown value %L', v_new.restored_by_type));
  end if;
  -- Unknown fields (e.g. the owner's username snapshot) are kept verbatim, and
  -- so are the deletion fields of a key that is not deleted (no typed home then).
  v_new.crs_extra := p_fields - v_known
    || case when v_owner_missing then jsonb_build_object('userId', p_fields -> 'userId') else '{}' end
    || jsonb_strip_nulls(jsonb_build_object('relaypgImportNotes', nullif(jsonb_path_query_array(jsonb_build_array(
         case when not p_in_hash_map then 'imported disabled: its digest was not in apikey:hash_map, so CRS refused it' end,
         case when v_owner_missing then 'imported disabled and without owner: its owner user does not exist' end), '$[*] ? (@ != null)'), '[]'::jsonb)))
    || case when coalesce(p_fields ->> 'isDeleted', '') <> 'true'
            then jsonb_strip_nulls(jsonb_build_object(
                   'isDeleted', p_fields -> 'isDeleted', 'deletedAt', p_fields -> 'deletedAt',
                   'deletedBy', p_fields -> 'deletedBy', 'deletedByType', p_fields -> 'deletedByType'))
            else '{}' end;

  if exists (select 1 from relaypg.purged_api_keys p where p.id = v_new.id) then
    raise exception 'apikey:% was permanently deleted in relaypg: not imported again', v_new.id
      using errcode = 'IMCNF', column = 'id';
  end if;
  select k.id into v_other from relaypg.api_keys k where k.digest = v_new.digest and k.id <> v_new.id;
  if found then
    perform relaypg.raise_bad_crs_field('apiKey', format('the digest already belongs to key %s', v_other));
  end if;

  -- jsonb's text form is canonical (sorted keys), so equal hashes fingerprint alike.
  v_new.crs_fingerprint := md5(p_fields::text || p_in_hash_map::text || v_owner_missing::text);
  select k.* into v_old from relaypg.api_keys k where k.id = v_new.id for update;
  if not found then
    v_new.auth_version := 1;
    v_new.crs_synced_version := 1;
    insert into relaypg.api_keys select v_new.*;
    return 'inserted';
  end if;
  if v_old.crs_fingerprint is not distinct from v_new.crs_fingerprint then
    return 'unchanged';  -- CRS has not changed it; whatever relaypg did since stands
  end if;
  -- CRS changed it. Apply that only if relaypg has not: a key regenerated,
  -- deleted, disabled or edited here must never be reverted by an import.
  if v_old.crs_fingerprint is null or v_old.auth_version <> v_old.crs_synced_version then
    raise exception 'apikey:% was changed in relaypg since it was imported: the CRS changes are not applied', v_new.id
      using errcode = 'IMCNF', column = 'id',
            hint = 'Make the change in relaypg, or purge the key in relaypg and import it again.';
  end if;
  -- relaypg may have seen newer uses than CRS.
  v_new.last_used_at := greatest(v_old.last_used_at, v_new.last_used_at);
  v_new.auth_version := v_old.auth_version
    + case when (to_jsonb(v_new) - array['last_used_at', 'updated_at', 'auth_version', 'crs_fingerprint', 'crs_synced_version'])
                = (to_jsonb(v_old) - array['last_used_at', 'updated_at', 'auth_version', 'crs_fingerprint', 'crs_synced_version'])
           then 0 else 1 end;
  v_new.crs_synced_version := v_new.auth_version;
  perform relaypg.save_api_key(v_new);
  return 'updated';
end
$$;
comment on function api.import_crs_api_key(text, jsonb, boolean) is
  'Imports one CRS apikey:{id} hash (fields as strings), keeping CRS''s digest; returns inserted/updated/unchanged. '
  'Idempotent. IMBAD names a field it cannot use; IMCNF refuses a key changed or purged in relaypg since its import. '
  'p_in_hash_map = false (its digest is not in apikey:hash_map, so CRS refused it) imports it disabled.';
grant execute on function api.import_crs_api_key(text, jsonb, boolean) to :DATABASE_APP_USER;

-- Classifies apikey:hash_map against the imported keys. CRS leaves old
-- digests in the map after regenerate and soft delete and keeps accepting
-- them; relaypg only ever accepts a key's current digest.
create function api.check_crs_api_key_index(p_hash_map jsonb)
returns table (digest_prefix text, key_id text, verdict text)
language sql
stable
security definer
set search_path = ''
as $$
  with entries as (
    select lower(e.key) as digest_hex, e.value as key_id,
           case when e.value ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                then e.value::uuid end as key_uuid
      from jsonb_each_text(coalesce(p_hash_map, '{}')) e
  )
  select left(en.digest_hex, 12), en.key_id,
         case
           when k.id is null then 'orphan'
           when k.digest_scheme = 'crs-sha256' and encode(k.digest, 'hex') = en.digest_hex then 'current'
           else 'stale'
         end
    from entries en
    left join relaypg.api_keys k on k.id = en.key_uuid
  union all
  select left(encode(k.digest, 'hex'), 12), k.id::text, 'unindexed'
    from relaypg.api_keys k
   where k.digest_scheme = 'crs-sha256'
     and not exists (select 1 from entries en where en.digest_hex = encode(k.digest, 'hex'))
  order by 3, 2;
$$;
comment on function api.check_crs_api_key_index(jsonb) is
  'Classifies apikey:hash_map entries: current (the key''s digest), stale (an old digest CRS still accepted; '
  'not imported), orphan (no such key); and CRS-digest keys missing from the map (unindexed).';
grant execute on function api.check_crs_api_key_index(jsonb) to :DATABASE_APP_USER;

-- What the importer had to change about keys to import them (kept with each
-- key in crs_extra.relaypgImportNotes), for the import report.
create function api.list_crs_import_notes(p_key_ids uuid[])
returns table (key_id uuid, note text)
language sql
stable
security definer
set search_path = ''
as $$
  select k.id, n.note
    from relaypg.api_keys k
   cross join lateral jsonb_array_elements_text(coalesce(k.crs_extra -> 'relaypgImportNotes', '[]')) as n(note)
   where k.id = any (p_key_ids)
   order by k.id, n.note;
$$;
comment on function api.list_crs_import_notes(uuid[]) is
  'The import notes of the given keys (why a key was imported disabled or without its owner).';
grant execute on function api.list_crs_import_notes(uuid[]) to :DATABASE_APP_USER;
