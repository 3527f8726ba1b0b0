--
-- PostgreSQL database dump
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: api; Type: SCHEMA; Schema: -; Owner: :DATABASE_OWNER
--

CREATE SCHEMA api;


ALTER SCHEMA api OWNER TO :DATABASE_OWNER;

--
-- Name: relaypg; Type: SCHEMA; Schema: -; Owner: :DATABASE_OWNER
--

CREATE SCHEMA relaypg;


ALTER SCHEMA relaypg OWNER TO :DATABASE_OWNER;

--
-- Name: account; Type: TYPE; Schema: api; Owner: :DATABASE_OWNER
--

CREATE TYPE api.account AS (
	id uuid,
	kind text,
	platform text,
	name text,
	description text,
	priority integer,
	is_active boolean,
	is_paused boolean,
	account_type text,
	model_mapping jsonb,
	subscription_plan text,
	auto_stop_on_warning boolean,
	rate_limit_minutes integer,
	daily_quota numeric,
	quota_reset_time text,
	options jsonb,
	proxy jsonb,
	secrets jsonb,
	secrets_key_version integer,
	unavailable_reason text,
	rate_limited_until timestamp with time zone,
	overloaded_until timestamp with time zone,
	temp_error_until timestamp with time zone,
	blocked_reason text,
	blocked_at timestamp with time zone,
	error_message text,
	token_expires_at timestamp with time zone,
	last_refresh_at timestamp with time zone,
	refresh_failed_at timestamp with time zone,
	refresh_retry_at timestamp with time zone,
	session_window_start timestamp with time zone,
	session_window_end timestamp with time zone,
	session_window_status text,
	five_hour_stopped_until timestamp with time zone,
	quota_stopped_until timestamp with time zone,
	group_ids uuid[],
	created_at timestamp with time zone,
	updated_at timestamp with time zone,
	last_used_at timestamp with time zone,
	version bigint
);


ALTER TYPE api.account OWNER TO :DATABASE_OWNER;

--
-- Name: TYPE account; Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON TYPE api.account IS 'An account as the admin API shows it: secrets masked, state summarised as unavailable_reason.';


--
-- Name: account_credentials; Type: TYPE; Schema: api; Owner: :DATABASE_OWNER
--

CREATE TYPE api.account_credentials AS (
	account_id uuid,
	kind text,
	version bigint,
	secrets jsonb,
	proxy jsonb,
	options jsonb
);


ALTER TYPE api.account_credentials OWNER TO :DATABASE_OWNER;

--
-- Name: TYPE account_credentials; Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON TYPE api.account_credentials IS 'Decrypted credentials of one account, with its proxy (password included) and options.';


--
-- Name: account_group; Type: TYPE; Schema: api; Owner: :DATABASE_OWNER
--

CREATE TYPE api.account_group AS (
	id uuid,
	name text,
	platform text,
	description text,
	member_ids uuid[],
	created_at timestamp with time zone,
	updated_at timestamp with time zone
);


ALTER TYPE api.account_group OWNER TO :DATABASE_OWNER;

--
-- Name: TYPE account_group; Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON TYPE api.account_group IS 'An account group with its members.';


--
-- Name: account_selection; Type: TYPE; Schema: api; Owner: :DATABASE_OWNER
--

CREATE TYPE api.account_selection AS (
	account_id uuid,
	account_kind text,
	upstream_model text,
	sticky boolean,
	account_version bigint,
	session_expires_at timestamp with time zone
);


ALTER TYPE api.account_selection OWNER TO :DATABASE_OWNER;

--
-- Name: TYPE account_selection; Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON TYPE api.account_selection IS 'The account chosen for a request, the model name to send upstream, whether a sticky session chose it, and when the session''s mapping expires.';


--
-- Name: api_key; Type: TYPE; Schema: api; Owner: :DATABASE_OWNER
--

CREATE TYPE api.api_key AS (
	id uuid,
	name text,
	description text,
	digest_scheme text,
	permissions text,
	is_active boolean,
	token_limit bigint,
	concurrency_limit integer,
	rate_limit_window integer,
	rate_limit_requests integer,
	rate_limit_cost numeric,
	daily_cost_limit numeric,
	weekly_opus_cost_limit numeric,
	claude_account_id text,
	claude_console_account_id text,
	gemini_account_id text,
	openai_account_id text,
	azure_openai_account_id text,
	bedrock_account_id text,
	enable_model_restriction boolean,
	restricted_models text[],
	enable_client_restriction boolean,
	allowed_clients text[],
	tags text[],
	expiration_mode text,
	activation_days integer,
	is_activated boolean,
	activated_at timestamp with time zone,
	expires_at timestamp with time zone,
	owner_user_id text,
	owner_username text,
	icon text,
	created_by text,
	created_at timestamp with time zone,
	updated_at timestamp with time zone,
	last_used_at timestamp with time zone,
	deleted_at timestamp with time zone,
	deleted_by text,
	deleted_by_type text,
	restored_at timestamp with time zone,
	restored_by text,
	restored_by_type text,
	auth_version bigint,
	crs_extra jsonb,
	total_cost_limit numeric
);


ALTER TYPE api.api_key OWNER TO :DATABASE_OWNER;

--
-- Name: TYPE api_key; Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON TYPE api.api_key IS 'An API key as the service sees it: every stored field except the digest.';


--
-- Name: authenticated_key; Type: TYPE; Schema: api; Owner: :DATABASE_OWNER
--

CREATE TYPE api.authenticated_key AS (
	id uuid,
	name text,
	description text,
	permissions text,
	"tokenLimit" bigint,
	"concurrencyLimit" integer,
	"rateLimitWindow" integer,
	"rateLimitRequests" integer,
	"rateLimitCost" text,
	"dailyCostLimit" text,
	"weeklyOpusCostLimit" text,
	"claudeAccountId" text,
	"claudeConsoleAccountId" text,
	"geminiAccountId" text,
	"openaiAccountId" text,
	"azureOpenaiAccountId" text,
	"bedrockAccountId" text,
	"enableModelRestriction" boolean,
	"restrictedModels" text[],
	"enableClientRestriction" boolean,
	"allowedClients" text[],
	tags text[],
	"expirationMode" text,
	"activationDays" integer,
	"activatedAt" text,
	"expiresAt" text,
	"userId" text,
	"createdAt" text
);


ALTER TYPE api.authenticated_key OWNER TO :DATABASE_OWNER;

--
-- Name: TYPE authenticated_key; Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON TYPE api.authenticated_key IS 'The key holder''s view of a key; api.authenticate_api_key returns it as JSON (money as decimal strings, times as ISO 8601).';


--
-- Name: import_result; Type: TYPE; Schema: api; Owner: :DATABASE_OWNER
--

CREATE TYPE api.import_result AS (
	id uuid,
	action text,
	notes text[]
);


ALTER TYPE api.import_result OWNER TO :DATABASE_OWNER;

--
-- Name: TYPE import_result; Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON TYPE api.import_result IS 'What an import call did (inserted, updated, unchanged, skipped) and notes on data it could not use.';


--
-- Name: oauth_session; Type: TYPE; Schema: api; Owner: :DATABASE_OWNER
--

CREATE TYPE api.oauth_session AS (
	id uuid,
	platform text,
	flow text,
	state text,
	code_challenge text,
	code_verifier text,
	proxy jsonb,
	details jsonb,
	created_at timestamp with time zone,
	expires_at timestamp with time zone
);


ALTER TYPE api.oauth_session OWNER TO :DATABASE_OWNER;

--
-- Name: TYPE oauth_session; Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON TYPE api.oauth_session IS 'A pending OAuth authorisation with its decrypted PKCE verifier.';


--
-- Name: request_cost; Type: TYPE; Schema: api; Owner: :DATABASE_OWNER
--

CREATE TYPE api.request_cost AS (
	price_key text,
	long_context boolean,
	input numeric,
	output numeric,
	cache_create numeric,
	cache_create_5m numeric,
	cache_create_1h numeric,
	cache_read numeric,
	total numeric
);


ALTER TYPE api.request_cost OWNER TO :DATABASE_OWNER;

--
-- Name: TYPE request_cost; Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON TYPE api.request_cost IS 'A request''s cost by token class (USD), the price entry used, and whether long-context prices applied.';


--
-- Name: usage_record_result; Type: TYPE; Schema: api; Owner: :DATABASE_OWNER
--

CREATE TYPE api.usage_record_result AS (
	request_id text,
	recorded boolean,
	occurred_at timestamp with time zone,
	cost numeric
);


ALTER TYPE api.usage_record_result OWNER TO :DATABASE_OWNER;

--
-- Name: TYPE usage_record_result; Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON TYPE api.usage_record_result IS 'One event of api.record_usage: recorded = false when its request id was recorded before (a no-op).';


--
-- Name: account_credentials(uuid, jsonb); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.account_credentials(p_id uuid, p_keyring jsonb) RETURNS api.account_credentials
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.account_credentials(p_id uuid, p_keyring jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION account_credentials(p_id uuid, p_keyring jsonb); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.account_credentials(p_id uuid, p_keyring jsonb) IS 'Decrypted secrets of one account (for the relay''s selected account only). ACNFD, ACKEY.';


--
-- Name: account_secret_versions(); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.account_secret_versions() RETURNS TABLE(key_version integer, accounts bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select v, count(*) from (
    select a.secrets_key_version v from relaypg.accounts a where a.secrets is not null
    union all
    select o.secrets_key_version from relaypg.oauth_sessions o
  ) s group by v order by v;
$$;


ALTER FUNCTION api.account_secret_versions() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION account_secret_versions(); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.account_secret_versions() IS 'How many secret blobs each key version encrypts (a rotation is done when only the current one is left).';


--
-- Name: admit_request(uuid, bigint, text, text, text, text, boolean, interval, interval, interval, boolean); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.admit_request(p_api_key_id uuid, p_auth_version bigint, p_request_id text, p_platform text, p_model text, p_session_hash text DEFAULT NULL::text, p_select boolean DEFAULT true, p_lease_ttl interval DEFAULT '00:10:00'::interval, p_sticky_ttl interval DEFAULT '01:00:00'::interval, p_renewal_threshold interval DEFAULT '00:00:00'::interval, p_asynchronous_commit boolean DEFAULT false) RETURNS TABLE(account_id uuid, account_kind text, upstream_model text, sticky boolean, account_version bigint, session_expires_at timestamp with time zone, lease_expires_at timestamp with time zone)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.admit_request(p_api_key_id uuid, p_auth_version bigint, p_request_id text, p_platform text, p_model text, p_session_hash text, p_select boolean, p_lease_ttl interval, p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION admit_request(p_api_key_id uuid, p_auth_version bigint, p_request_id text, p_platform text, p_model text, p_session_hash text, p_select boolean, p_lease_ttl interval, p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.admit_request(p_api_key_id uuid, p_auth_version bigint, p_request_id text, p_platform text, p_model text, p_session_hash text, p_select boolean, p_lease_ttl interval, p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean) IS 'Admits a request of an authenticated key (p_auth_version: the version its decision was made at): concurrency lease, rate-limit window, daily, weekly Opus and total cost limits on exact figures, then (p_select) the account selection; one call, all or nothing. ADVER, LMCON, LMREQ, LMTOK, LMCST, LMDAY, LMOPS, LMTOT, SLNAV, RVINV.';


--
-- Name: authenticate_api_key(bytea, bytea, text, text, text, text, bytea[], text[]); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.authenticate_api_key(p_digest bytea, p_crs_digest bytea, p_platform text, p_model text, p_client text, p_digest_scheme text DEFAULT 'hmac-sha256:v1'::text, p_previous_digests bytea[] DEFAULT '{}'::bytea[], p_previous_schemes text[] DEFAULT '{}'::text[]) RETURNS TABLE(refusal text, activated_now boolean, rehashed_now boolean, valid_until timestamp with time zone, id uuid, auth_version bigint, key json)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.authenticate_api_key(p_digest bytea, p_crs_digest bytea, p_platform text, p_model text, p_client text, p_digest_scheme text, p_previous_digests bytea[], p_previous_schemes text[]) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION authenticate_api_key(p_digest bytea, p_crs_digest bytea, p_platform text, p_model text, p_client text, p_digest_scheme text, p_previous_digests bytea[], p_previous_schemes text[]); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.authenticate_api_key(p_digest bytea, p_crs_digest bytea, p_platform text, p_model text, p_client text, p_digest_scheme text, p_previous_digests bytea[], p_previous_schemes text[]) IS 'Decides whether a presented key may make a request: one row with refusal = null (accepted) or a refusal SQLSTATE (AUUNK unknown, AUDEL deleted, AUDIS disabled, AUEXP expired, AUOWN owner inactive, AUNPL platform, AUMOD model, AUCLI client), and the key''s id, auth_version and holder view (key, see relaypg.authenticated_key). p_digest is the HMAC digest under the current secret (scheme p_digest_scheme), p_previous_digests/_schemes those under previous secrets (an accepted key found by one is moved to the current digest: rehashed_now), p_crs_digest the CRS digest (null when no CRS secret is configured). activated_now or rehashed_now = true means this call changed the key (a side effect: do not cache it). valid_until = when the decision changes by itself (expiry).';


--
-- Name: authenticate_api_keys(bytea[], bytea[], text[], text[], text[], text, bytea[], text[]); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.authenticate_api_keys(p_digests bytea[], p_crs_digests bytea[], p_platforms text[], p_models text[], p_clients text[], p_digest_scheme text DEFAULT 'hmac-sha256:v1'::text, p_previous_digests bytea[] DEFAULT '{}'::bytea[], p_previous_schemes text[] DEFAULT '{}'::text[]) RETURNS TABLE(ord integer, refusal text, activated_now boolean, rehashed_now boolean, valid_until timestamp with time zone, id uuid, auth_version bigint, key json)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_count integer := cardinality(p_digests);
  v_previous integer := coalesce(cardinality(p_previous_schemes), 0);
  r record;
begin
  if v_count is null then
    perform relaypg.raise_invalid('digests', 'must be an array of digests, one per request');
  end if;
  if v_count > 1000 then
    perform relaypg.raise_invalid('digests', 'at most 1000 requests per call');
  end if;
  if coalesce(cardinality(p_crs_digests), -1) <> v_count or coalesce(cardinality(p_platforms), -1) <> v_count
     or coalesce(cardinality(p_models), -1) <> v_count or coalesce(cardinality(p_clients), -1) <> v_count then
    perform relaypg.raise_invalid('requests', 'digests, crs_digests, platforms, models and clients need one element per request');
  end if;
  if coalesce(cardinality(p_previous_digests), 0) <> v_count * v_previous then
    perform relaypg.raise_invalid('previous_digests', 'needs one digest per previous scheme for every request, request by request');
  end if;

  for r in
    select q.digest, q.crs_digest, q.platform, q.model, q.client, q.n::integer as n, p.previous_digests
      from unnest(p_digests, p_crs_digests, p_platforms, p_models, p_clients)
             with ordinality as q(digest, crs_digest, platform, model, client, n)
     cross join lateral (select coalesce(p_previous_digests[(q.n - 1) * v_previous + 1 : q.n * v_previous], '{}') as previous_digests) p
     order by coalesce(
                (select k.id from relaypg.api_keys k where k.digest = q.digest and k.digest_scheme = p_digest_scheme),
                (select k.id
                   from unnest(p.previous_digests, p_previous_schemes) with ordinality as c(digest, scheme, i)
                   join relaypg.api_keys k on k.digest = c.digest and k.digest_scheme = c.scheme
                  order by c.i limit 1),
                (select k.id from relaypg.api_keys k where k.digest = q.crs_digest and k.digest_scheme = 'crs-sha256')
              ) nulls last,
              q.n
  loop
    return query
      select r.n, a.refusal, a.activated_now, a.rehashed_now, a.valid_until, a.id, a.auth_version, a.key
        from api.authenticate_api_key(
               r.digest, r.crs_digest, r.platform, r.model, r.client, p_digest_scheme,
               r.previous_digests, p_previous_schemes) as a;
  end loop;
end
$$;


ALTER FUNCTION api.authenticate_api_keys(p_digests bytea[], p_crs_digests bytea[], p_platforms text[], p_models text[], p_clients text[], p_digest_scheme text, p_previous_digests bytea[], p_previous_schemes text[]) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION authenticate_api_keys(p_digests bytea[], p_crs_digests bytea[], p_platforms text[], p_models text[], p_clients text[], p_digest_scheme text, p_previous_digests bytea[], p_previous_schemes text[]); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.authenticate_api_keys(p_digests bytea[], p_crs_digests bytea[], p_platforms text[], p_models text[], p_clients text[], p_digest_scheme text, p_previous_digests bytea[], p_previous_schemes text[]) IS 'api.authenticate_api_key for many requests in one call: request i is (p_digests[i], p_crs_digests[i], p_platforms[i], p_models[i], p_clients[i]) and, while the HMAC secret is rotated, the digests p_previous_digests[(i-1)*k+1 .. i*k] under the k schemes p_previous_schemes. One row per request, ord = i, with what api.authenticate_api_key returns for it; rows come in no particular order. Decided in the order of the keys'' ids (keys it locks are locked in id order); RVINV on arrays of different lengths or more than 1000 requests.';


--
-- Name: check_crs_api_key_index(jsonb); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.check_crs_api_key_index(p_hash_map jsonb) RETURNS TABLE(digest_prefix text, key_id text, verdict text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION api.check_crs_api_key_index(p_hash_map jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION check_crs_api_key_index(p_hash_map jsonb); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.check_crs_api_key_index(p_hash_map jsonb) IS 'Classifies apikey:hash_map entries: current (the key''s digest), stale (an old digest CRS still accepted; not imported), orphan (no such key); and CRS-digest keys missing from the map (unindexed).';


--
-- Name: count_accounts(text, text, uuid); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.count_accounts(p_platform text, p_kind text, p_group_id uuid) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select count(*) from relaypg.accounts a
   where (p_platform is null or a.platform = p_platform)
     and (p_kind is null or a.kind = p_kind)
     and (p_group_id is null or exists (select from relaypg.account_group_members m
                                         where m.group_id = p_group_id and m.account_id = a.id));
$$;


ALTER FUNCTION api.count_accounts(p_platform text, p_kind text, p_group_id uuid) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION count_accounts(p_platform text, p_kind text, p_group_id uuid); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.count_accounts(p_platform text, p_kind text, p_group_id uuid) IS 'How many accounts match the list filters (null = any).';


--
-- Name: count_api_keys(boolean, boolean, text, text, text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.count_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text) RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select count(*) from relaypg.filter_api_keys(p_is_active, p_is_deleted, p_tag, p_owner_user_id, p_search);
$$;


ALTER FUNCTION api.count_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION count_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.count_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text) IS 'How many keys match the list filters.';


--
-- Name: create_account(text, jsonb, jsonb, jsonb); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.create_account(p_kind text, p_settings jsonb, p_secrets jsonb, p_keyring jsonb) RETURNS api.account
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.create_account(p_kind text, p_settings jsonb, p_secrets jsonb, p_keyring jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION create_account(p_kind text, p_settings jsonb, p_secrets jsonb, p_keyring jsonb); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.create_account(p_kind text, p_settings jsonb, p_secrets jsonb, p_keyring jsonb) IS 'Creates an account of a kind; settings are validated (RVINV), secrets encrypted with the key ring''s current key (ACKEY).';


--
-- Name: create_account_group(jsonb); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.create_account_group(p_settings jsonb) RETURNS api.account_group
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.create_account_group(p_settings jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION create_account_group(p_settings jsonb); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.create_account_group(p_settings jsonb) IS 'Creates a group {name, platform, description?}. RVINV.';


--
-- Name: create_api_key(bytea, text, jsonb); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.create_api_key(p_digest bytea, p_digest_scheme text, p_settings jsonb) RETURNS api.api_key
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.create_api_key(p_digest bytea, p_digest_scheme text, p_settings jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION create_api_key(p_digest bytea, p_digest_scheme text, p_settings jsonb); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.create_api_key(p_digest bytea, p_digest_scheme text, p_settings jsonb) IS 'Creates a key from its digest and settings (snake_case jsonb; name required). The plain key never reaches the database.';


--
-- Name: create_oauth_session(text, text, text, text, text, jsonb, jsonb, jsonb, interval); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.create_oauth_session(p_platform text, p_flow text, p_state text, p_code_verifier text, p_code_challenge text, p_proxy jsonb, p_details jsonb, p_keyring jsonb, p_ttl interval DEFAULT '00:10:00'::interval) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.create_oauth_session(p_platform text, p_flow text, p_state text, p_code_verifier text, p_code_challenge text, p_proxy jsonb, p_details jsonb, p_keyring jsonb, p_ttl interval) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION create_oauth_session(p_platform text, p_flow text, p_state text, p_code_verifier text, p_code_challenge text, p_proxy jsonb, p_details jsonb, p_keyring jsonb, p_ttl interval); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.create_oauth_session(p_platform text, p_flow text, p_state text, p_code_verifier text, p_code_challenge text, p_proxy jsonb, p_details jsonb, p_keyring jsonb, p_ttl interval) IS 'Stores a pending OAuth authorisation (PKCE verifier and proxy password encrypted) for p_ttl (10 minutes). RVINV, ACKEY.';


--
-- Name: dashboard_counts(timestamp with time zone); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.dashboard_counts(p_at timestamp with time zone DEFAULT now()) RETURNS TABLE(subject text, total bigint, active bigint, created_today bigint, available bigint, paused bigint, rate_limited bigint, other_unavailable bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.dashboard_counts(p_at timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION dashboard_counts(p_at timestamp with time zone); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.dashboard_counts(p_at timestamp with time zone) IS 'The dashboard''s counts at p_at: API keys (total not deleted, active, created today in the usage time zone) and accounts of each kind (total, active, available now, paused, rate-limited, otherwise unavailable).';


--
-- Name: delete_account(uuid, boolean); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.delete_account(p_id uuid, p_unbind_keys boolean DEFAULT false) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.delete_account(p_id uuid, p_unbind_keys boolean) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION delete_account(p_id uuid, p_unbind_keys boolean); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.delete_account(p_id uuid, p_unbind_keys boolean) IS 'Deletes an account (its sticky sessions and group memberships go with it; a tombstone keeps the CRS importer from bringing it back). ACBND while keys are bound to it unless p_unbind_keys; returns how many keys were unbound. ACNFD.';


--
-- Name: delete_account_group(uuid, boolean); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.delete_account_group(p_id uuid, p_unbind_keys boolean DEFAULT false) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_unbound integer;
begin
  perform relaypg.lock_account_group(p_id);
  v_unbound := relaypg.release_bindings('group:' || p_id, format('account group %s', p_id), p_unbind_keys);
  delete from relaypg.account_groups g where g.id = p_id;
  return v_unbound;
end
$$;


ALTER FUNCTION api.delete_account_group(p_id uuid, p_unbind_keys boolean) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION delete_account_group(p_id uuid, p_unbind_keys boolean); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.delete_account_group(p_id uuid, p_unbind_keys boolean) IS 'Deletes a group (its accounts stay). ACBND while keys are bound to it unless p_unbind_keys; returns how many keys were unbound. GRNFD.';


--
-- Name: delete_api_key(uuid, text, text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.delete_api_key(p_id uuid, p_deleted_by text, p_deleted_by_type text) RETURNS api.api_key
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.delete_api_key(p_id uuid, p_deleted_by text, p_deleted_by_type text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION delete_api_key(p_id uuid, p_deleted_by text, p_deleted_by_type text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.delete_api_key(p_id uuid, p_deleted_by text, p_deleted_by_type text) IS 'Soft delete: the key stops authenticating at once and can be restored. KYNFD, KYDEL.';


--
-- Name: get_account(uuid); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.get_account(p_id uuid) RETURNS api.account
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.get_account(p_id uuid) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION get_account(p_id uuid); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.get_account(p_id uuid) IS 'One account, secrets masked. ACNFD.';


--
-- Name: get_account_group(uuid); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.get_account_group(p_id uuid) RETURNS api.account_group
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.get_account_group(p_id uuid) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION get_account_group(p_id uuid); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.get_account_group(p_id uuid) IS 'One group with its members. GRNFD.';


--
-- Name: get_api_key(uuid); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.get_api_key(p_id uuid) RETURNS api.api_key
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.get_api_key(p_id uuid) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION get_api_key(p_id uuid); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.get_api_key(p_id uuid) IS 'One key by id; KYNFD when absent.';


--
-- Name: import_crs_account(text, text, jsonb, jsonb, jsonb, text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.import_crs_account(p_redis_key text, p_kind text, p_fields jsonb, p_secrets jsonb, p_keyring jsonb, p_time_zone text DEFAULT 'UTC'::text) RETURNS api.import_result
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION api.import_crs_account(p_redis_key text, p_kind text, p_fields jsonb, p_secrets jsonb, p_keyring jsonb, p_time_zone text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION import_crs_account(p_redis_key text, p_kind text, p_fields jsonb, p_secrets jsonb, p_keyring jsonb, p_time_zone text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.import_crs_account(p_redis_key text, p_kind text, p_fields jsonb, p_secrets jsonb, p_keyring jsonb, p_time_zone text) IS 'Imports one CRS account of any kind (fields as in Redis; secrets decrypted by the caller, re-encrypted here). State is read by time; every field is kept. Idempotent. IMBAD names an unusable field; IMCNF refuses an account changed in relaypg since its import; ACKEY.';


--
-- Name: import_crs_account_group(text, jsonb, text[]); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.import_crs_account_group(p_redis_key text, p_fields jsonb, p_member_ids text[]) RETURNS api.import_result
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION api.import_crs_account_group(p_redis_key text, p_fields jsonb, p_member_ids text[]) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION import_crs_account_group(p_redis_key text, p_fields jsonb, p_member_ids text[]); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.import_crs_account_group(p_redis_key text, p_fields jsonb, p_member_ids text[]) IS 'Imports a CRS account group and its members (members that are not imported accounts of its platform are left out and noted). Idempotent. IMBAD; IMCNF refuses a group changed in relaypg since its import.';


--
-- Name: import_crs_api_key(text, jsonb, boolean); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.import_crs_api_key(p_redis_key text, p_fields jsonb, p_in_hash_map boolean DEFAULT true) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION api.import_crs_api_key(p_redis_key text, p_fields jsonb, p_in_hash_map boolean) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION import_crs_api_key(p_redis_key text, p_fields jsonb, p_in_hash_map boolean); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.import_crs_api_key(p_redis_key text, p_fields jsonb, p_in_hash_map boolean) IS 'Imports one CRS apikey:{id} hash (fields as strings), keeping CRS''s digest; returns inserted/updated/unchanged. Idempotent. IMBAD names a field it cannot use; IMCNF refuses a key changed or purged in relaypg since its import. p_in_hash_map = false (its digest is not in apikey:hash_map, so CRS refused it) imports it disabled.';


--
-- Name: import_crs_oauth_session(text, jsonb, integer, jsonb); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.import_crs_oauth_session(p_redis_key text, p_fields jsonb, p_ttl_seconds integer, p_keyring jsonb) RETURNS api.import_result
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION api.import_crs_oauth_session(p_redis_key text, p_fields jsonb, p_ttl_seconds integer, p_keyring jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION import_crs_oauth_session(p_redis_key text, p_fields jsonb, p_ttl_seconds integer, p_keyring jsonb); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.import_crs_oauth_session(p_redis_key text, p_fields jsonb, p_ttl_seconds integer, p_keyring jsonb) IS 'Imports a pending CRS OAuth authorisation (oauth:{id}) with its remaining TTL, encrypting its verifier. Idempotent. IMBAD, ACKEY.';


--
-- Name: import_crs_sticky_session(text, text, text, integer); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.import_crs_sticky_session(p_platform text, p_session_hash text, p_account_id text, p_ttl_seconds integer) RETURNS api.import_result
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION api.import_crs_sticky_session(p_platform text, p_session_hash text, p_account_id text, p_ttl_seconds integer) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION import_crs_sticky_session(p_platform text, p_session_hash text, p_account_id text, p_ttl_seconds integer); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.import_crs_sticky_session(p_platform text, p_session_hash text, p_account_id text, p_ttl_seconds integer) IS 'Imports a live CRS sticky mapping with its remaining TTL; skipped (with a note) for an unknown account or no TTL. Idempotent. RVINV, IMBAD.';


--
-- Name: import_crs_usage(text, jsonb, timestamp with time zone); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.import_crs_usage(p_redis_key text, p_value jsonb, p_cut_off timestamp with time zone DEFAULT now()) RETURNS api.import_result
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.import_crs_usage(p_redis_key text, p_value jsonb, p_cut_off timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION import_crs_usage(p_redis_key text, p_value jsonb, p_cut_off timestamp with time zone); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.import_crs_usage(p_redis_key text, p_value jsonb, p_cut_off timestamp with time zone) IS 'Imports one CRS usage key (its hash, or {"value": string}) as a baseline: its contribution to the ledger and rollups replaces what the same key added before; events of its keys that occurred before p_cut_off are not recorded afterwards. RVINV, IMBAD.';


--
-- Name: import_crs_user(text, jsonb); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.import_crs_user(p_redis_key text, p_document jsonb) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.import_crs_user(p_redis_key text, p_document jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION import_crs_user(p_redis_key text, p_document jsonb); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.import_crs_user(p_redis_key text, p_document jsonb) IS 'Imports one CRS user:{id} JSON document; returns inserted/updated/unchanged. IMBAD names a bad field.';


--
-- Name: key_usage(uuid, timestamp with time zone); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.key_usage(p_key_id uuid, p_at timestamp with time zone DEFAULT now()) RETURNS TABLE(period text, requests bigint, input_tokens bigint, output_tokens bigint, cache_create_tokens bigint, cache_create_5m_tokens bigint, cache_create_1h_tokens bigint, cache_read_tokens bigint, all_tokens bigint, long_context_requests bigint, cost numeric, opus_cost numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.key_usage(p_key_id uuid, p_at timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION key_usage(p_key_id uuid, p_at timestamp with time zone); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.key_usage(p_key_id uuid, p_at timestamp with time zone) IS 'A key''s usage from its ledger, exact: periods total, today, week (ISO, Monday first) and month in the usage time zone at p_at (total as of a past p_at: whole local days up to its own).';


--
-- Name: list_account_groups(text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.list_account_groups(p_platform text) RETURNS SETOF api.account_group
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select (relaypg.to_account_group(g)).* from relaypg.account_groups g
   where p_platform is null or g.platform = p_platform
   order by g.platform, g.name, g.id;
$$;


ALTER FUNCTION api.list_account_groups(p_platform text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION list_account_groups(p_platform text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.list_account_groups(p_platform text) IS 'Every group (of one platform, or all when null), by platform then name.';


--
-- Name: list_accounts(text, text, uuid, integer, integer); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.list_accounts(p_platform text, p_kind text, p_group_id uuid, p_limit integer, p_offset integer) RETURNS SETOF api.account
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.list_accounts(p_platform text, p_kind text, p_group_id uuid, p_limit integer, p_offset integer) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION list_accounts(p_platform text, p_kind text, p_group_id uuid, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.list_accounts(p_platform text, p_kind text, p_group_id uuid, p_limit integer, p_offset integer) IS 'One page of accounts ordered by platform, priority, name; filters are optional (null = any). Secrets masked.';


--
-- Name: list_api_keys(boolean, boolean, text, text, text, integer, integer); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.list_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text, p_limit integer, p_offset integer) RETURNS SETOF api.api_key
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.list_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text, p_limit integer, p_offset integer) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION list_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text, p_limit integer, p_offset integer); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.list_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text, p_limit integer, p_offset integer) IS 'One page of keys, newest first, filtered (null = any); see api.count_api_keys for the total.';


--
-- Name: list_client_kinds(); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.list_client_kinds() RETURNS TABLE(id text, name text, user_agent_pattern text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select c.id, c.name, c.user_agent_pattern from relaypg.client_kinds c order by c.id;
$$;


ALTER FUNCTION api.list_client_kinds() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION list_client_kinds(); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.list_client_kinds() IS 'Client identities and their User-Agent patterns (match case-insensitively).';


--
-- Name: list_crs_import_notes(uuid[]); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.list_crs_import_notes(p_key_ids uuid[]) RETURNS TABLE(key_id uuid, note text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select k.id, n.note
    from relaypg.api_keys k
   cross join lateral jsonb_array_elements_text(coalesce(k.crs_extra -> 'relaypgImportNotes', '[]')) as n(note)
   where k.id = any (p_key_ids)
   order by k.id, n.note;
$$;


ALTER FUNCTION api.list_crs_import_notes(p_key_ids uuid[]) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION list_crs_import_notes(p_key_ids uuid[]); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.list_crs_import_notes(p_key_ids uuid[]) IS 'The import notes of the given keys (why a key was imported disabled or without its owner).';


--
-- Name: list_dangling_key_bindings(); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.list_dangling_key_bindings() RETURNS TABLE(api_key_id uuid, field text, binding text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.list_dangling_key_bindings() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION list_dangling_key_bindings(); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.list_dangling_key_bindings() IS 'Key bindings that name no existing account or group (they fall back to the pool, or fail for a group).';


--
-- Name: list_partition_policies(); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.list_partition_policies() RETURNS TABLE(table_name text, step text, retention interval, premake integer, partitions bigint, oldest_from timestamp with time zone, newest_to timestamp with time zone, default_rows bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.list_partition_policies() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION list_partition_policies(); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.list_partition_policies() IS 'Each partitioned usage table: its policy, how many partitions it has and the range they cover, and the rows in its default partition.';


--
-- Name: list_scheduled_jobs(); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.list_scheduled_jobs() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select j.name from relaypg.scheduled_jobs j where j.database_name = current_database() order by j.name;
$$;


ALTER FUNCTION api.list_scheduled_jobs() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION list_scheduled_jobs(); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.list_scheduled_jobs() IS 'Names of the jobs pg_cron runs for this database (empty: the service runs maintenance itself); rows copied from another database do not count.';


--
-- Name: load_model_prices(json, text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.load_model_prices(p_document json, p_source text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_count integer;
begin
  if p_document is null or json_typeof(p_document) <> 'object' then
    perform relaypg.raise_invalid('document', 'must be a JSON object {model: {input_cost_per_token, ...}}');
  end if;
  if coalesce(btrim(p_source), '') = '' then
    perform relaypg.raise_invalid('source', 'must name where the prices come from');
  end if;
  if exists (select from json_each(p_document) e where json_typeof(e.value) <> 'object') then
    perform relaypg.raise_invalid('document', 'every model must map to an object of prices');
  end if;
  if exists (select from json_each(p_document) e group by e.key having count(*) > 1) then
    perform relaypg.raise_invalid('document', 'names a model twice');
  end if;
  -- A file replaces the previous one whole: a price CRS no longer lists must not linger.
  delete from relaypg.model_prices;
  -- json (not jsonb) keeps the file's key order and its numbers' decimal text.
  insert into relaypg.model_prices (model, file_position, provider, input_cost_per_token, output_cost_per_token,
                                    cache_creation_input_token_cost, cache_read_input_token_cost, details, source)
  select e.key, e.position, e.value ->> 'litellm_provider',
         relaypg.price_number(e.value, 'input_cost_per_token'), relaypg.price_number(e.value, 'output_cost_per_token'),
         relaypg.price_number(e.value, 'cache_creation_input_token_cost'), relaypg.price_number(e.value, 'cache_read_input_token_cost'),
         e.value::jsonb, btrim(p_source)
    from json_each(p_document) with ordinality as e(key, value, position)
   where btrim(e.key) <> '';
  get diagnostics v_count = row_count;
  return v_count;
end
$$;


ALTER FUNCTION api.load_model_prices(p_document json, p_source text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION load_model_prices(p_document json, p_source text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.load_model_prices(p_document json, p_source text) IS 'Replaces every model price with those of a LiteLLM-format pricing document (file order kept); returns how many models. RVINV.';


--
-- Name: maintain_partitions(timestamp with time zone, timestamp with time zone); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.maintain_partitions(p_now timestamp with time zone DEFAULT now(), p_from timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS TABLE(action text, partition_name text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    SET "TimeZone" TO 'UTC'
    SET lock_timeout TO '500ms'
    AS $$
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


ALTER FUNCTION api.maintain_partitions(p_now timestamp with time zone, p_from timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION maintain_partitions(p_now timestamp with time zone, p_from timestamp with time zone); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.maintain_partitions(p_now timestamp with time zone, p_from timestamp with time zone) IS 'Creates the partitions of every usage table from p_from (default p_now) to premake steps past p_now, and drops those whose range ended before the retention (measured from the earlier of p_now and now); returns what it did (busy: a lock not had within 500 ms, left to the next run). RVINV.';


--
-- Name: mark_account_blocked(uuid, text, text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.mark_account_blocked(p_id uuid, p_reason text, p_message text DEFAULT ''::text) RETURNS api.account
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.mark_account_blocked(p_id uuid, p_reason text, p_message text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION mark_account_blocked(p_id uuid, p_reason text, p_message text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.mark_account_blocked(p_id uuid, p_reason text, p_message text) IS 'Upstream 401/403: unavailable until an admin resets the account. ACNFD, RVINV.';


--
-- Name: mark_account_overloaded(uuid, integer); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.mark_account_overloaded(p_id uuid, p_minutes integer DEFAULT 10) RETURNS api.account
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.mark_account_overloaded(p_id uuid, p_minutes integer) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION mark_account_overloaded(p_id uuid, p_minutes integer); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.mark_account_overloaded(p_id uuid, p_minutes integer) IS 'Upstream 529: unavailable for p_minutes (default 10). ACNFD, RVINV.';


--
-- Name: mark_account_quota_exceeded(uuid, text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.mark_account_quota_exceeded(p_id uuid, p_time_zone text DEFAULT 'UTC'::text) RETURNS api.account
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.mark_account_quota_exceeded(p_id uuid, p_time_zone text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION mark_account_quota_exceeded(p_id uuid, p_time_zone text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.mark_account_quota_exceeded(p_id uuid, p_time_zone text) IS 'Daily quota reached: unavailable until the next quota_reset_time in p_time_zone. ACNFD, RVINV.';


--
-- Name: mark_account_rate_limited(uuid, timestamp with time zone); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.mark_account_rate_limited(p_id uuid, p_reset_at timestamp with time zone DEFAULT NULL::timestamp with time zone) RETURNS api.account
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.mark_account_rate_limited(p_id uuid, p_reset_at timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION mark_account_rate_limited(p_id uuid, p_reset_at timestamp with time zone); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.mark_account_rate_limited(p_id uuid, p_reset_at timestamp with time zone) IS 'Upstream 429: unavailable until the upstream reset time, else (Console/CCR/OpenAI/Responses) rate_limit_minutes (0: never limited), else the session window end, else one hour. ACNFD.';


--
-- Name: migration_status(); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.migration_status() RETURNS TABLE(filename text, hash text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
  select m.filename, m.hash from graphile_migrate.migrations m order by m.date desc, m.filename desc limit 1;
$$;


ALTER FUNCTION api.migration_status() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION migration_status(); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.migration_status() IS 'The last committed migration applied to this database.';


--
-- Name: pause_account(uuid); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.pause_account(p_id uuid) RETURNS api.account
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  v_account.is_paused := true;
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;


ALTER FUNCTION api.pause_account(p_id uuid) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION pause_account(p_id uuid); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.pause_account(p_id uuid) IS 'Admin pause: the account is not scheduled until resumed. ACNFD.';


--
-- Name: price_request(text, bigint, bigint, bigint, bigint, bigint, bigint, boolean, text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.price_request(p_model text, p_input bigint, p_output bigint, p_cache_creation bigint, p_cache_5m bigint, p_cache_1h bigint, p_cache_read bigint, p_cache_split boolean, p_path text DEFAULT 'details'::text) RETURNS api.request_cost
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_key text := relaypg.price_key(p_model);
  v_price relaypg.model_prices;
  v_cost api.request_cost;
  v_long boolean;
  v_write_price numeric;
begin
  if least(p_input, p_output, p_cache_creation, p_cache_5m, p_cache_1h, p_cache_read) < 0 then
    perform relaypg.raise_invalid('tokens', 'token counts must not be negative');
  end if;
  if p_path is null or p_path not in ('details', 'plain') then
    perform relaypg.raise_invalid('path', 'must be details (streaming Claude) or plain');
  end if;
  select p.* into v_price from relaypg.model_prices p where p.model = v_key;
  v_cost.price_key := v_key;
  -- Long context: a [1m] model with more than 200k tokens of input of any kind.
  v_long := strpos(coalesce(p_model, ''), '[1m]') > 0
            and coalesce(p_input, 0) + coalesce(p_cache_creation, 0) + coalesce(p_cache_read, 0) > 200000;
  v_cost.long_context := v_long;
  if p_path = 'plain' and not coalesce(p_cache_split, false) and strpos(coalesce(p_model, ''), '[1m]') = 0 then
    -- CostCalculator: OpenAI models without a cache-write price charge cache writes at the input price.
    v_write_price := v_price.cache_creation_input_token_cost;
    if v_price.model is not null and (strpos(p_model, 'gpt') > 0 or strpos(p_model, 'o1') > 0 or v_price.provider = 'openai')
       and coalesce(v_price.cache_creation_input_token_cost, 0) = 0 and coalesce(p_cache_creation, 0) > 0 then
      v_write_price := v_price.input_cost_per_token;
    end if;
    if v_price.model is null then
      -- CRS's static table (USD per million) for models the file does not price; others cost as Sonnet.
      select t.i / 1000000, t.o / 1000000, t.w / 1000000, t.r / 1000000
        into v_price.input_cost_per_token, v_price.output_cost_per_token, v_write_price, v_price.cache_read_input_token_cost
        from (values ('claude-3-5-sonnet-20241022', 3.0, 15.0, 3.75, 0.3), ('claude-sonnet-4-20250514', 3.0, 15.0, 3.75, 0.3),
                     ('claude-3-5-haiku-20241022', 0.25, 1.25, 0.3, 0.03), ('claude-3-opus-20240229', 15.0, 75.0, 18.75, 1.5),
                     ('claude-opus-4-1-20250805', 15.0, 75.0, 18.75, 1.5), ('claude-3-sonnet-20240229', 3.0, 15.0, 3.75, 0.3),
                     ('claude-3-haiku-20240307', 0.25, 1.25, 0.3, 0.03), ('unknown', 3.0, 15.0, 3.75, 0.3)) t(m, i, o, w, r)
       where t.m in (p_model, 'unknown')
       order by t.m = 'unknown' limit 1;
    end if;
    v_cost.input := coalesce(p_input, 0) * coalesce(v_price.input_cost_per_token, 0);
    v_cost.output := coalesce(p_output, 0) * coalesce(v_price.output_cost_per_token, 0);
    v_cost.cache_create := coalesce(p_cache_creation, 0) * coalesce(v_write_price, 0);
    v_cost.cache_create_5m := v_cost.cache_create;
    v_cost.cache_create_1h := 0;
    v_cost.cache_read := coalesce(p_cache_read, 0) * coalesce(v_price.cache_read_input_token_cost, 0);
  else
    if v_price.model is null and not v_long then  -- pricingService: an unpriced model costs nothing
      v_cost := (v_key, false, 0, 0, 0, 0, 0, 0, 0)::api.request_cost;
      return v_cost;
    end if;
    v_cost.input := coalesce(p_input, 0) * case when v_long then 0.000006 else coalesce(v_price.input_cost_per_token, 0) end;
    v_cost.output := coalesce(p_output, 0) * case when v_long then 0.0000225 else coalesce(v_price.output_cost_per_token, 0) end;
    v_cost.cache_read := coalesce(p_cache_read, 0) * coalesce(v_price.cache_read_input_token_cost, 0);
    if coalesce(p_cache_split, false) then
      v_cost.cache_create_5m := coalesce(p_cache_5m, 0) * coalesce(v_price.cache_creation_input_token_cost, 0);
      v_cost.cache_create_1h := coalesce(p_cache_1h, 0) * relaypg.one_hour_cache_price(p_model);
    else
      v_cost.cache_create_5m := coalesce(p_cache_creation, 0) * coalesce(v_price.cache_creation_input_token_cost, 0);
      v_cost.cache_create_1h := 0;
    end if;
    v_cost.cache_create := v_cost.cache_create_5m + v_cost.cache_create_1h;
  end if;
  v_cost.total := v_cost.input + v_cost.output + v_cost.cache_create + v_cost.cache_read;
  return v_cost;
end
$$;


ALTER FUNCTION api.price_request(p_model text, p_input bigint, p_output bigint, p_cache_creation bigint, p_cache_5m bigint, p_cache_1h bigint, p_cache_read bigint, p_cache_split boolean, p_path text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION price_request(p_model text, p_input bigint, p_output bigint, p_cache_creation bigint, p_cache_5m bigint, p_cache_1h bigint, p_cache_read bigint, p_cache_split boolean, p_path text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.price_request(p_model text, p_input bigint, p_output bigint, p_cache_creation bigint, p_cache_5m bigint, p_cache_1h bigint, p_cache_read bigint, p_cache_split boolean, p_path text) IS 'The cost of one request as CRS 0881cc09 computed it: price entry by CRS''s model matching, 1-hour cache writes at CRS''s hard-coded prices, [1m] long context above 200k input tokens; path details (streaming, pricingService) or plain (CostCalculator). RVINV.';


--
-- Name: purge_api_key(uuid); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.purge_api_key(p_id uuid) RETURNS uuid
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.purge_api_key(p_id uuid) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION purge_api_key(p_id uuid); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.purge_api_key(p_id uuid) IS 'Permanent delete of a soft-deleted key. KYNFD, KYNDL.';


--
-- Name: purge_expired_leases(); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.purge_expired_leases() RETURNS bigint
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with d as (delete from relaypg.concurrency_leases l where l.expires_at <= now() returning 1)
  select count(*) from d;
$$;


ALTER FUNCTION api.purge_expired_leases() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION purge_expired_leases(); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.purge_expired_leases() IS 'Deletes concurrency leases past their expiry (never counted anyway); returns how many.';


--
-- Name: purge_expired_sessions(timestamp with time zone); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.purge_expired_sessions(p_before timestamp with time zone DEFAULT now()) RETURNS TABLE(sticky_sessions bigint, oauth_sessions bigint)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
begin
  -- Never later than now: the service must not purge live sessions.
  with d as (delete from relaypg.sticky_sessions s where s.expires_at <= least(p_before, now()) returning 1)
  select count(*) into sticky_sessions from d;
  with d as (delete from relaypg.oauth_sessions o where o.expires_at <= least(p_before, now()) returning 1)
  select count(*) into oauth_sessions from d;
  return next;
end
$$;


ALTER FUNCTION api.purge_expired_sessions(p_before timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION purge_expired_sessions(p_before timestamp with time zone); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.purge_expired_sessions(p_before timestamp with time zone) IS 'Deletes sticky sessions and pending OAuth authorisations that expired by p_before (at most now); returns how many of each.';


--
-- Name: recent_usage(integer, timestamp with time zone); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.recent_usage(p_minutes integer DEFAULT 5, p_at timestamp with time zone DEFAULT now()) RETURNS TABLE(minutes integer, requests bigint, all_tokens bigint, input_tokens bigint, output_tokens bigint, cache_create_tokens bigint, cache_read_tokens bigint, requests_per_minute numeric, tokens_per_minute numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.recent_usage(p_minutes integer, p_at timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION recent_usage(p_minutes integer, p_at timestamp with time zone); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.recent_usage(p_minutes integer, p_at timestamp with time zone) IS 'Requests and tokens of the p_minutes (1..1440) before p_at, from the events, with per-minute rates (2 decimals). RVINV.';


--
-- Name: record_account_server_error(uuid, integer, interval, interval); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.record_account_server_error(p_id uuid, p_threshold integer DEFAULT 3, p_window interval DEFAULT '00:05:00'::interval, p_recovery interval DEFAULT '00:05:00'::interval) RETURNS api.account
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.record_account_server_error(p_id uuid, p_threshold integer, p_window interval, p_recovery interval) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION record_account_server_error(p_id uuid, p_threshold integer, p_window interval, p_recovery interval); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.record_account_server_error(p_id uuid, p_threshold integer, p_window interval, p_recovery interval) IS 'Counts an upstream 5xx; more than p_threshold within p_window makes the account unavailable for p_recovery, after which it recovers by itself. ACNFD, RVINV.';


--
-- Name: record_api_key_uses(uuid[], timestamp with time zone[]); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.record_api_key_uses(p_key_ids uuid[], p_used_at timestamp with time zone[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.record_api_key_uses(p_key_ids uuid[], p_used_at timestamp with time zone[]) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION record_api_key_uses(p_key_ids uuid[], p_used_at timestamp with time zone[]); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.record_api_key_uses(p_key_ids uuid[], p_used_at timestamp with time zone[]) IS 'Moves last_used_at forward for a batch of keys (never backwards); returns how many rows changed.';


--
-- Name: record_session_window(uuid, text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.record_session_window(p_id uuid, p_status text) RETURNS api.account
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.record_session_window(p_id uuid, p_status text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION record_session_window(p_id uuid, p_status text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.record_session_window(p_id uuid, p_status text) IS 'Claude 5-hour window bookkeeping from a response: opens a new window when the last one ended, stores the unified 5h status, and auto-stops the account until the window ends on allowed_warning when auto_stop_on_warning. ACNFD, RVINV.';


--
-- Name: record_token_refresh(uuid, timestamp with time zone, jsonb, jsonb, text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.record_token_refresh(p_id uuid, p_expires_at timestamp with time zone, p_tokens jsonb, p_keyring jsonb, p_subscription_plan text DEFAULT NULL::text) RETURNS api.account
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.record_token_refresh(p_id uuid, p_expires_at timestamp with time zone, p_tokens jsonb, p_keyring jsonb, p_subscription_plan text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION record_token_refresh(p_id uuid, p_expires_at timestamp with time zone, p_tokens jsonb, p_keyring jsonb, p_subscription_plan text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.record_token_refresh(p_id uuid, p_expires_at timestamp with time zone, p_tokens jsonb, p_keyring jsonb, p_subscription_plan text) IS 'A successful OAuth refresh: new tokens (encrypted), their expiry, last refresh time; clears a refresh failure. ACNFD, RVINV, ACKEY.';


--
-- Name: record_token_refresh_failure(uuid, text, interval); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.record_token_refresh_failure(p_id uuid, p_message text, p_retry_after interval DEFAULT '00:10:00'::interval) RETURNS api.account
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.record_token_refresh_failure(p_id uuid, p_message text, p_retry_after interval) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION record_token_refresh_failure(p_id uuid, p_message text, p_retry_after interval); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.record_token_refresh_failure(p_id uuid, p_message text, p_retry_after interval) IS 'A failed OAuth refresh: the account is unavailable until now + p_retry_after, then retried automatically. ACNFD, RVINV.';


--
-- Name: record_usage(jsonb); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.record_usage(p_events jsonb) RETURNS SETOF api.usage_record_result
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
declare
  v_zone text := relaypg.usage_time_zone();
begin
  -- The cheap pass accepts a well-formed batch; anything else goes to the check
  -- that names the first bad field.
  if not relaypg.usage_events_look_valid(p_events) then
    perform relaypg.check_usage_events(p_events);
  end if;
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
  -- One lookup per model of the batch (remembered above).
  rates as (
    select r.* from (select distinct i.model from input i) m cross join lateral relaypg.model_rates(m.model) r
  ),
  -- api.price_request's rules, per event, on its model's rates: the plain path
  -- (CostCalculator) unless the event has a cache split or a [1m] model; an
  -- unpriced model costs nothing on the details path unless it is long context
  -- (a [1m] model above 200k input tokens of any kind, at $6 / $22.5 per million).
  classified as (
    select f.*, r.price_key, r.normalised_model, r.priced, r.input_rate, r.output_rate, r.cache_write_rate,
           r.cache_write_1h_rate, r.cache_read_rate, r.plain_input_rate, r.plain_output_rate, r.plain_cache_write_rate,
           r.plain_cache_read_rate, r.plain_writes_at_input,
           f.cost_path = 'plain' and not f.cache_split and strpos(f.model, '[1m]') = 0 as plain,
           strpos(f.model, '[1m]') > 0 and f.input_tokens + f.cache_create_tokens + f.cache_read_tokens > 200000 as long_context
      from fresh f
      join rates r on r.model = f.model
  ),
  parts as (
    select c.*,
           case when c.plain then c.input_tokens * c.plain_input_rate
                when c.long_context then c.input_tokens * 0.000006
                when not c.priced then 0
                else c.input_tokens * c.input_rate end as cost_input,
           case when c.plain then c.output_tokens * c.plain_output_rate
                when c.long_context then c.output_tokens * 0.0000225
                when not c.priced then 0
                else c.output_tokens * c.output_rate end as cost_output,
           case when c.plain then c.cache_create_tokens
                               * case when c.plain_writes_at_input and c.cache_create_tokens > 0 then c.plain_input_rate
                                      else c.plain_cache_write_rate end
                when not c.priced and not c.long_context then 0
                when c.cache_split then c.cache_5m * c.cache_write_rate + c.cache_1h * c.cache_write_1h_rate
                else c.cache_create_tokens * c.cache_write_rate + 0 end as cost_cache_create,
           case when c.plain then c.cache_read_tokens * c.plain_cache_read_rate
                when not c.priced and not c.long_context then 0
                else c.cache_read_tokens * c.cache_read_rate end as cost_cache_read
      from classified c
  ),
  priced as (
    select p.*, p.cost_input + p.cost_output + p.cost_cache_create + p.cost_cache_read as cost_total
      from parts p
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
$_$;


ALTER FUNCTION api.record_usage(p_events jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION record_usage(p_events jsonb); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.record_usage(p_events jsonb) IS 'Records a batch of usage events (a JSON array, at most 5000) in one statement: prices each, appends it, adds it to its key''s ledger and ends its concurrency lease; an event whose request id was recorded before, or that occurred before its key''s CRS import cut-off, is a no-op (recorded = false). One result per request id, in input order (a repeated id within the batch counts once). RVINV.';


--
-- Name: regenerate_api_key(uuid, bytea, text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.regenerate_api_key(p_id uuid, p_digest bytea, p_digest_scheme text) RETURNS api.api_key
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.regenerate_api_key(p_id uuid, p_digest bytea, p_digest_scheme text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION regenerate_api_key(p_id uuid, p_digest bytea, p_digest_scheme text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.regenerate_api_key(p_id uuid, p_digest bytea, p_digest_scheme text) IS 'Replaces a key''s digest; the old plain key stops working at once. KYNFD, KYDEL, KYDUP.';


--
-- Name: release_lease(text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.release_lease(p_request_id text) RETURNS boolean
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO ''
    AS $$
  with d as (delete from relaypg.concurrency_leases l where l.request_id = p_request_id returning 1)
  select exists (select from d);
$$;


ALTER FUNCTION api.release_lease(p_request_id text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION release_lease(p_request_id text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.release_lease(p_request_id text) IS 'Ends the concurrency lease of a request that will not be recorded (failed upstream, client gone); true when there was one.';


--
-- Name: reset_account_state(uuid); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.reset_account_state(p_id uuid) RETURNS api.account
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.reset_account_state(p_id uuid) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION reset_account_state(p_id uuid); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.reset_account_state(p_id uuid) IS 'Admin reset: clears every automatic state (rate limit, overload, 5xx, 401/403, refresh failure, 5-hour stop, quota stop). An admin pause stays. ACNFD.';


--
-- Name: restore_api_key(uuid, text, text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.restore_api_key(p_id uuid, p_restored_by text, p_restored_by_type text) RETURNS api.api_key
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.restore_api_key(p_id uuid, p_restored_by text, p_restored_by_type text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION restore_api_key(p_id uuid, p_restored_by text, p_restored_by_type text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.restore_api_key(p_id uuid, p_restored_by text, p_restored_by_type text) IS 'Undoes a soft delete; is_active is left as it was. KYNFD, KYNDL.';


--
-- Name: resume_account(uuid); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.resume_account(p_id uuid) RETURNS api.account
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  v_account.is_paused := false;
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;


ALTER FUNCTION api.resume_account(p_id uuid) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION resume_account(p_id uuid); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.resume_account(p_id uuid) IS 'Ends an admin pause (automatic stops keep their own end times). ACNFD.';


--
-- Name: roll_up_usage(); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.roll_up_usage() RETURNS TABLE(ran boolean, events bigint)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.roll_up_usage() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION roll_up_usage(); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.roll_up_usage() IS 'Adds the events of every transaction committed since the last run''s snapshot to the hourly, daily and monthly rollups (by key, account and all, per model) and keeps its snapshot; ran=false when another run holds the lock.';


--
-- Name: rotate_account_secrets(jsonb, integer); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.rotate_account_secrets(p_keyring jsonb, p_batch_size integer DEFAULT 100) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.rotate_account_secrets(p_keyring jsonb, p_batch_size integer) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION rotate_account_secrets(p_keyring jsonb, p_batch_size integer); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.rotate_account_secrets(p_keyring jsonb, p_batch_size integer) IS 'Re-encrypts up to p_batch_size secret blobs (accounts, then pending OAuth sessions) not yet under the current key; returns how many. Call until it returns 0. ACKEY.';


--
-- Name: run_maintenance(); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.run_maintenance() RETURNS TABLE(ran boolean, sticky_sessions bigint, oauth_sessions bigint, leases bigint, partitions_created bigint, partitions_dropped bigint, events_rolled_up bigint)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.run_maintenance() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION run_maintenance(); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.run_maintenance() IS 'Periodic maintenance under an advisory lock: purge expired sessions and concurrency leases, keep usage partitions (create ahead, drop past retention), roll usage up; ran=false when another run holds it.';


--
-- Name: select_account(uuid, text, text, text, interval, interval, boolean); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.select_account(p_api_key_id uuid, p_platform text, p_model text, p_session_hash text, p_sticky_ttl interval DEFAULT '01:00:00'::interval, p_renewal_threshold interval DEFAULT '00:00:00'::interval, p_asynchronous_commit boolean DEFAULT false) RETURNS api.account_selection
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $_$
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
        -- last use at most once a second, or that one row would serialise them,
        -- and never wait for it (a row held elsewhere is being used anyway).
        if v_account.last_used_at is null or v_account.last_used_at < v_now - interval '1 second' then
          update relaypg.accounts a set last_used_at = v_now
           where a.id = (select b.id from relaypg.accounts b where b.id = v_account.id for no key update skip locked);
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
        -- Never waiting for it keeps the only waits on mappings, which a batch
        -- takes in session order (api.select_accounts): no deadlock between batches.
        if v_account.last_used_at is null or v_account.last_used_at < v_now - interval '1 second' then
          update relaypg.accounts a set last_used_at = v_now
           where a.id = (select b.id from relaypg.accounts b where b.id = v_account.id for no key update skip locked);
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
$_$;


ALTER FUNCTION api.select_account(p_api_key_id uuid, p_platform text, p_model text, p_session_hash text, p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION select_account(p_api_key_id uuid, p_platform text, p_model text, p_session_hash text, p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.select_account(p_api_key_id uuid, p_platform text, p_model text, p_session_hash text, p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean) IS 'Chooses the account for a request: the key''s bound account if it can serve, else a live sticky mapping (renewed under the threshold), else the pool (group or shared; priority, then least recently used; rows held by concurrent picks are skipped), recording the mapping and last use (asynchronously committed when p_asynchronous_commit: it is bookkeeping). A session moved off an account announces relaypg_session_remapped. Model ccr,<m> routes to CCR. KYNFD, RVINV, SLNAV (detail: candidates by reason).';


--
-- Name: select_accounts(uuid[], text[], text[], text[], interval, interval, boolean); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.select_accounts(p_api_key_ids uuid[], p_platforms text[], p_models text[], p_session_hashes text[], p_sticky_ttl interval DEFAULT '01:00:00'::interval, p_renewal_threshold interval DEFAULT '00:00:00'::interval, p_asynchronous_commit boolean DEFAULT false) RETURNS TABLE(ord integer, account_id uuid, account_kind text, upstream_model text, sticky boolean, account_version bigint, session_expires_at timestamp with time zone, error_code text, error_message text, error_detail text, error_hint text, error_column text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    SET lock_timeout TO '100ms'
    AS $$
declare
  v_count integer := cardinality(p_api_key_ids);
  r record;
  v_selection api.account_selection;
  v_code text;
  v_message text;
  v_detail text;
  v_hint text;
  v_column text;
begin
  if v_count is null then
    perform relaypg.raise_invalid('api_key_ids', 'must be an array of key ids, one per request');
  end if;
  if v_count > 32 then
    perform relaypg.raise_invalid('api_key_ids', 'at most 32 requests per call');
  end if;
  if coalesce(cardinality(p_platforms), -1) <> v_count or coalesce(cardinality(p_models), -1) <> v_count
     or coalesce(cardinality(p_session_hashes), -1) <> v_count then
    perform relaypg.raise_invalid('requests', 'api_key_ids, platforms, models and session_hashes need one element per request');
  end if;

  for r in
    select q.api_key_id, q.platform, q.model, q.session_hash, q.n::integer as n
      from unnest(p_api_key_ids, p_platforms, p_models, p_session_hashes)
             with ordinality as q(api_key_id, platform, model, session_hash, n)
     order by q.platform, q.session_hash, q.n
  loop
    begin
      v_selection := api.select_account(r.api_key_id, r.platform, r.model, r.session_hash,
                                        p_sticky_ttl, p_renewal_threshold, p_asynchronous_commit);
      return query select r.n, v_selection.account_id, v_selection.account_kind, v_selection.upstream_model,
                          v_selection.sticky, v_selection.account_version, v_selection.session_expires_at,
                          null::text, null::text, null::text, null::text, null::text;
    exception when others then
      get stacked diagnostics v_code = returned_sqlstate, v_message = message_text, v_detail = pg_exception_detail,
                              v_hint = pg_exception_hint, v_column = column_name;
      -- 55P03 (lock_not_available): it would have waited too long for a row another transaction holds.
      if v_code = '55P03' then
        -- Rows are contended: the batch's other requests wait at most 10 ms each, not 100.
        perform pg_catalog.set_config('lock_timeout', '10ms', true);
      elsif v_code not in ('KYNFD', 'RVINV', 'SLNAV') then
        raise;  -- not about this request (a cancel, a bug): the batch fails
      end if;
      return query select r.n, null::uuid, null::text, null::text, null::boolean, null::bigint, null::timestamptz,
                          v_code, v_message, nullif(v_detail, ''), nullif(v_hint, ''), nullif(v_column, '');
    end;
  end loop;
end
$$;


ALTER FUNCTION api.select_accounts(p_api_key_ids uuid[], p_platforms text[], p_models text[], p_session_hashes text[], p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION select_accounts(p_api_key_ids uuid[], p_platforms text[], p_models text[], p_session_hashes text[], p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.select_accounts(p_api_key_ids uuid[], p_platforms text[], p_models text[], p_session_hashes text[], p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean) IS 'api.select_account for many requests in one call: request i is (p_api_key_ids[i], p_platforms[i], p_models[i], p_session_hashes[i]). One row per request, ord = i, with its selection, or its refusal (error_code KYNFD, RVINV or SLNAV with message, detail, hint and column as api.select_account raises them, or 55P03 when it would have waited more than 100 ms for a lock: select it again alone); rows come in no particular order. Decided in session order (mappings it locks are locked in one order). RVINV for arrays of different lengths or more than 32 requests; any other error fails the call.';


--
-- Name: set_account_group_members(uuid, uuid[]); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.set_account_group_members(p_id uuid, p_account_ids uuid[]) RETURNS api.account_group
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.set_account_group_members(p_id uuid, p_account_ids uuid[]) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION set_account_group_members(p_id uuid, p_account_ids uuid[]); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.set_account_group_members(p_id uuid, p_account_ids uuid[]) IS 'Replaces a group''s members. GRNFD, ACNFD, GRMBR (an account of another platform).';


--
-- Name: set_partition_retention(text, interval); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.set_partition_retention(p_table text, p_retention interval) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.set_partition_retention(p_table text, p_retention interval) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION set_partition_retention(p_table text, p_retention interval); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.set_partition_retention(p_table text, p_retention interval) IS 'Sets how long the partitions of one usage table are kept (null: forever); applied by the next api.maintain_partitions. RVINV.';


--
-- Name: set_usage_time_zone(text); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.set_usage_time_zone(p_time_zone text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.set_usage_time_zone(p_time_zone text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION set_usage_time_zone(p_time_zone text); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.set_usage_time_zone(p_time_zone text) IS 'Sets the time zone of usage days, weeks and months (buckets written from now on); returns the previous one. RVINV.';


--
-- Name: set_user_active(text, boolean); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.set_user_active(p_user_id text, p_is_active boolean) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.set_user_active(p_user_id text, p_is_active boolean) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION set_user_active(p_user_id text, p_is_active boolean); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.set_user_active(p_user_id text, p_is_active boolean) IS 'Enables or disables a user; their keys'' cached decisions are invalidated. USNFD.';


--
-- Name: take_oauth_session(uuid, jsonb); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.take_oauth_session(p_id uuid, p_keyring jsonb) RETURNS api.oauth_session
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.take_oauth_session(p_id uuid, p_keyring jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION take_oauth_session(p_id uuid, p_keyring jsonb); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.take_oauth_session(p_id uuid, p_keyring jsonb) IS 'Consumes a pending OAuth authorisation (once): returns it decrypted and deletes it. OANFD when absent or expired, ACKEY.';


--
-- Name: update_account(uuid, jsonb, jsonb, jsonb); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.update_account(p_id uuid, p_changes jsonb, p_secrets jsonb, p_keyring jsonb) RETURNS api.account
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
declare
  v_account relaypg.accounts := relaypg.lock_account(p_id);
begin
  v_account := relaypg.apply_account_settings(v_account, coalesce(p_changes, '{}'));
  v_account := relaypg.apply_account_secrets(v_account, p_changes -> 'proxy', p_secrets, p_keyring);
  return relaypg.to_account(relaypg.save_account(v_account));
end
$$;


ALTER FUNCTION api.update_account(p_id uuid, p_changes jsonb, p_secrets jsonb, p_keyring jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION update_account(p_id uuid, p_changes jsonb, p_secrets jsonb, p_keyring jsonb); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.update_account(p_id uuid, p_changes jsonb, p_secrets jsonb, p_keyring jsonb) IS 'Partial update of settings and secrets (a secret set to null is removed). ACNFD, RVINV, ACKEY.';


--
-- Name: update_account_group(uuid, jsonb); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.update_account_group(p_id uuid, p_changes jsonb) RETURNS api.account_group
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.update_account_group(p_id uuid, p_changes jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION update_account_group(p_id uuid, p_changes jsonb); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.update_account_group(p_id uuid, p_changes jsonb) IS 'Partial update of a group (platform only while it has no members). GRNFD, RVINV.';


--
-- Name: update_api_key(uuid, jsonb); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.update_api_key(p_id uuid, p_changes jsonb) RETURNS api.api_key
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.update_api_key(p_id uuid, p_changes jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION update_api_key(p_id uuid, p_changes jsonb); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.update_api_key(p_id uuid, p_changes jsonb) IS 'Partial update: only the fields present in p_changes (snake_case jsonb) change. KYNFD, RVINV, USNFD.';


--
-- Name: usage_averages(text, text, timestamp with time zone); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.usage_averages(p_scope text, p_scope_id text, p_at timestamp with time zone DEFAULT now()) RETURNS TABLE(since timestamp with time zone, days integer, requests bigint, tokens bigint, requests_per_minute numeric, tokens_per_minute numeric, requests_per_day numeric, tokens_per_day numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION api.usage_averages(p_scope text, p_scope_id text, p_at timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION usage_averages(p_scope text, p_scope_id text, p_at timestamp with time zone); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.usage_averages(p_scope text, p_scope_id text, p_at timestamp with time zone) IS 'Requests and core tokens (input + output) per minute and per day over a key''s, an account''s or the service''s life up to p_at (days since created, at least 1), rounded to 2 decimals as CRS does. RVINV.';


--
-- Name: usage_by_model(text, text, text, date, date); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.usage_by_model(p_scope text, p_scope_id text, p_grain text, p_from date, p_to date) RETURNS TABLE(bucket timestamp with time zone, model text, requests bigint, input_tokens bigint, output_tokens bigint, cache_create_tokens bigint, cache_create_5m_tokens bigint, cache_create_1h_tokens bigint, cache_read_tokens bigint, all_tokens bigint, long_context_requests bigint, cost numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.usage_by_model(p_scope text, p_scope_id text, p_grain text, p_from date, p_to date) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION usage_by_model(p_scope text, p_scope_id text, p_grain text, p_from date, p_to date); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.usage_by_model(p_scope text, p_scope_id text, p_grain text, p_from date, p_to date) IS 'Usage of a scope (key, account, all) per model and bucket (hour, day, month; bucket = its start instant) over local days p_from..p_to, from the rollups. RVINV.';


--
-- Name: usage_totals(text, text, timestamp with time zone); Type: FUNCTION; Schema: api; Owner: :DATABASE_OWNER
--

CREATE FUNCTION api.usage_totals(p_scope text, p_scope_id text, p_at timestamp with time zone DEFAULT now()) RETURNS TABLE(period text, requests bigint, input_tokens bigint, output_tokens bigint, cache_create_tokens bigint, cache_create_5m_tokens bigint, cache_create_1h_tokens bigint, cache_read_tokens bigint, all_tokens bigint, long_context_requests bigint, cost numeric)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION api.usage_totals(p_scope text, p_scope_id text, p_at timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION usage_totals(p_scope text, p_scope_id text, p_at timestamp with time zone); Type: COMMENT; Schema: api; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION api.usage_totals(p_scope text, p_scope_id text, p_at timestamp with time zone) IS 'Usage of a key, an account or the whole service (scope all) from the rollups: periods total, today and month in the usage time zone at p_at. RVINV.';


--
-- Name: kind_platform(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.kind_platform(p_kind text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select case p_kind
    when 'gemini' then 'gemini'
    when 'openai' then 'openai'
    when 'openai-responses' then 'openai'
    when 'azure-openai' then 'azure-openai'
    else 'claude' end;
$$;


ALTER FUNCTION relaypg.kind_platform(p_kind text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION kind_platform(p_kind text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.kind_platform(p_kind text) IS 'The platform an account kind serves (Console, CCR and Bedrock serve claude).';


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: accounts; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.accounts (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    kind text NOT NULL,
    platform text NOT NULL,
    name text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    priority integer DEFAULT 50 NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    is_paused boolean DEFAULT false NOT NULL,
    account_type text DEFAULT 'shared'::text NOT NULL,
    model_mapping jsonb DEFAULT '{}'::jsonb NOT NULL,
    subscription_plan text,
    auto_stop_on_warning boolean DEFAULT false NOT NULL,
    rate_limit_minutes integer DEFAULT 60 NOT NULL,
    daily_quota numeric DEFAULT 0 NOT NULL,
    quota_reset_time time without time zone DEFAULT '00:00:00'::time without time zone NOT NULL,
    options jsonb DEFAULT '{}'::jsonb NOT NULL,
    proxy jsonb,
    secrets bytea,
    secrets_key_version integer,
    secret_names text[] DEFAULT '{}'::text[] NOT NULL,
    rate_limited_at timestamp with time zone,
    rate_limited_until timestamp with time zone,
    overloaded_until timestamp with time zone,
    server_error_count integer DEFAULT 0 NOT NULL,
    server_errors_since timestamp with time zone,
    temp_error_until timestamp with time zone,
    blocked_reason text,
    blocked_at timestamp with time zone,
    error_message text DEFAULT ''::text NOT NULL,
    token_expires_at timestamp with time zone,
    last_refresh_at timestamp with time zone,
    refresh_failed_at timestamp with time zone,
    refresh_retry_at timestamp with time zone,
    session_window_start timestamp with time zone,
    session_window_end timestamp with time zone,
    session_window_status text,
    five_hour_stopped_at timestamp with time zone,
    five_hour_stopped_until timestamp with time zone,
    quota_stopped_at timestamp with time zone,
    quota_stopped_until timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    last_used_at timestamp with time zone,
    version bigint DEFAULT 1 NOT NULL,
    crs_extra jsonb DEFAULT '{}'::jsonb NOT NULL,
    crs_fingerprint text,
    crs_synced_version bigint,
    CONSTRAINT accounts_account_type_is_known CHECK ((account_type = ANY (ARRAY['shared'::text, 'dedicated'::text, 'group'::text]))),
    CONSTRAINT accounts_blocked_reason_is_known CHECK ((blocked_reason = ANY (ARRAY['unauthorized'::text, 'blocked'::text]))),
    CONSTRAINT accounts_crs_extra_is_an_object CHECK ((jsonb_typeof(crs_extra) = 'object'::text)),
    CONSTRAINT accounts_daily_quota_is_not_negative CHECK ((daily_quota >= (0)::numeric)),
    CONSTRAINT accounts_kind_is_known CHECK ((kind = ANY (ARRAY['claude-official'::text, 'claude-console'::text, 'ccr'::text, 'bedrock'::text, 'gemini'::text, 'openai'::text, 'openai-responses'::text, 'azure-openai'::text]))),
    CONSTRAINT accounts_model_mapping_is_an_object CHECK ((jsonb_typeof(model_mapping) = 'object'::text)),
    CONSTRAINT accounts_name_is_not_blank CHECK ((btrim(name) <> ''::text)),
    CONSTRAINT accounts_options_is_an_object CHECK ((jsonb_typeof(options) = 'object'::text)),
    CONSTRAINT accounts_platform_matches_kind CHECK ((platform = relaypg.kind_platform(kind))),
    CONSTRAINT accounts_priority_is_in_range CHECK (((priority >= 1) AND (priority <= 100))),
    CONSTRAINT accounts_proxy_has_no_password CHECK ((NOT (proxy ? 'password'::text))),
    CONSTRAINT accounts_proxy_is_an_object CHECK ((jsonb_typeof(proxy) = 'object'::text)),
    CONSTRAINT accounts_rate_limit_minutes_is_not_negative CHECK ((rate_limit_minutes >= 0)),
    CONSTRAINT accounts_secrets_have_a_version CHECK (((secrets IS NULL) = (secrets_key_version IS NULL))),
    CONSTRAINT accounts_session_window_status_is_known CHECK ((session_window_status = ANY (ARRAY['allowed'::text, 'allowed_warning'::text, 'rejected'::text]))),
    CONSTRAINT accounts_subscription_plan_is_known CHECK ((subscription_plan = ANY (ARRAY['max'::text, 'pro'::text, 'free'::text])))
);


ALTER TABLE relaypg.accounts OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE accounts; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.accounts IS 'Upstream accounts of every kind (CRS claude:account, claude_console_account, ccr_account, bedrock_account, gemini_account, openai:account, openai_responses_account, azure_openai:account).';


--
-- Name: account_can_serve(relaypg.accounts, text[], uuid[], text, timestamp with time zone); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.account_can_serve(p_account relaypg.accounts, p_kinds text[], p_group_members uuid[], p_model text, p_at timestamp with time zone) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
  select p_account.id is not null
     and p_account.kind = any(p_kinds)
     and case when p_group_members is null then p_account.account_type = 'shared'
              else p_account.id = any(p_group_members) end
     and relaypg.account_unavailable_reason(p_account, p_at) is null
     and relaypg.account_upstream_model(p_account, p_model) is not null;
$$;


ALTER FUNCTION relaypg.account_can_serve(p_account relaypg.accounts, p_kinds text[], p_group_members uuid[], p_model text, p_at timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION account_can_serve(p_account relaypg.accounts, p_kinds text[], p_group_members uuid[], p_model text, p_at timestamp with time zone); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.account_can_serve(p_account relaypg.accounts, p_kinds text[], p_group_members uuid[], p_model text, p_at timestamp with time zone) IS 'True when the account is of one of p_kinds, in the group (p_group_members; shared when null), available at p_at and serves p_model.';


--
-- Name: account_group_members_notify_change(); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.account_group_members_notify_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  perform pg_notify('relaypg_account_group_changed',
    json_build_object('id', coalesce(new.group_id, old.group_id), 'version', 0)::text);
  return null;
end
$$;


ALTER FUNCTION relaypg.account_group_members_notify_change() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION account_group_members_notify_change(); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.account_group_members_notify_change() IS 'AFTER trigger: NOTIFY relaypg_account_group_changed {id: group id} when a group''s membership changes.';


--
-- Name: account_secret_names(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.account_secret_names(p_kind text) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select case p_kind
    when 'claude-official' then array['accessToken', 'refreshToken', 'claudeAiOauth', 'email', 'password', 'subscriptionInfo']
    when 'gemini' then array['geminiOauth', 'accessToken', 'refreshToken']
    when 'openai' then array['idToken', 'accessToken', 'refreshToken', 'openaiOauth', 'email']
    when 'bedrock' then array['awsCredentials']
    else array['apiKey']
  end || array['proxyPassword'];
$$;


ALTER FUNCTION relaypg.account_secret_names(p_kind text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION account_secret_names(p_kind text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.account_secret_names(p_kind text) IS 'The secret fields an account kind may hold (all kinds: proxyPassword).';


--
-- Name: account_unavailable_reason(relaypg.accounts, timestamp with time zone); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.account_unavailable_reason(p_account relaypg.accounts, p_at timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE
    AS $$
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


ALTER FUNCTION relaypg.account_unavailable_reason(p_account relaypg.accounts, p_at timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION account_unavailable_reason(p_account relaypg.accounts, p_at timestamp with time zone); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.account_unavailable_reason(p_account relaypg.accounts, p_at timestamp with time zone) IS 'Why an account cannot be scheduled at p_at (null = available): inactive, paused, unauthorized, blocked, rate_limited, overloaded, temp_error, refresh_failed, five_hour_stopped, quota_exceeded.';


--
-- Name: account_upstream_model(relaypg.accounts, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.account_upstream_model(p_account relaypg.accounts, p_model text) RETURNS text
    LANGUAGE sql STABLE
    AS $$
  select case
    when p_model is null or p_model = '' then coalesce(p_model, '')
    when p_account.kind = 'claude-official' and p_account.subscription_plan in ('pro', 'free')
         and lower(p_model) like '%opus%' then null
    when p_account.model_mapping = '{}'::jsonb then p_model
    else p_account.model_mapping ->> p_model
  end;
$$;


ALTER FUNCTION relaypg.account_upstream_model(p_account relaypg.accounts, p_model text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION account_upstream_model(p_account relaypg.accounts, p_model text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.account_upstream_model(p_account relaypg.accounts, p_model text) IS 'The upstream model name an account serves p_model as, or null when it does not serve it (Opus on pro/free, unmapped model).';


--
-- Name: accounts_bump_version(); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.accounts_bump_version() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.accounts_bump_version() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION accounts_bump_version(); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.accounts_bump_version() IS 'BEFORE UPDATE trigger: bumps version (and updated_at) on any change other than usage bookkeeping.';


--
-- Name: accounts_notify_change(); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.accounts_notify_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  if tg_op = 'DELETE' then
    perform pg_notify('relaypg_account_changed', json_build_object('id', old.id, 'version', old.version + 1)::text);
  elsif new.version <> old.version then
    perform pg_notify('relaypg_account_changed', json_build_object('id', new.id, 'version', new.version)::text);
  end if;
  return null;
end
$$;


ALTER FUNCTION relaypg.accounts_notify_change() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION accounts_notify_change(); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.accounts_notify_change() IS 'AFTER trigger: NOTIFY relaypg_account_changed {id, version} so instances drop what they hold for the account.';


--
-- Name: crs_lifetime_baselines; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.crs_lifetime_baselines (
    scope text NOT NULL,
    scope_id text NOT NULL,
    part text NOT NULL,
    requests bigint DEFAULT 0 NOT NULL,
    input_tokens bigint DEFAULT 0 NOT NULL,
    output_tokens bigint DEFAULT 0 NOT NULL,
    cache_create_tokens bigint DEFAULT 0 NOT NULL,
    cache_create_5m_tokens bigint DEFAULT 0 NOT NULL,
    cache_create_1h_tokens bigint DEFAULT 0 NOT NULL,
    cache_read_tokens bigint DEFAULT 0 NOT NULL,
    long_context_requests bigint DEFAULT 0 NOT NULL,
    CONSTRAINT crs_lifetime_baselines_part_is_known CHECK ((part = ANY (ARRAY['lifetime'::text, 'months'::text])))
);


ALTER TABLE relaypg.crs_lifetime_baselines OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE crs_lifetime_baselines; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.crs_lifetime_baselines IS 'CRS lifetime totals of accounts and the imported months they include: the rest is traffic older than CRS''s monthly hashes.';


--
-- Name: add_to_lifetime_baseline(jsonb, text, integer); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.add_to_lifetime_baseline(p_item jsonb, p_part text, p_sign integer) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    BEGIN ATOMIC
 INSERT INTO relaypg.crs_lifetime_baselines AS t (scope, scope_id, part, requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens, cache_read_tokens, long_context_requests)
   VALUES ((add_to_lifetime_baseline.p_item ->> 'scope'::text), (add_to_lifetime_baseline.p_item ->> 'scopeId'::text), add_to_lifetime_baseline.p_part, (add_to_lifetime_baseline.p_sign * COALESCE(((add_to_lifetime_baseline.p_item ->> 'requests'::text))::bigint, (0)::bigint)), (add_to_lifetime_baseline.p_sign * COALESCE(((add_to_lifetime_baseline.p_item ->> 'inputTokens'::text))::bigint, (0)::bigint)), (add_to_lifetime_baseline.p_sign * COALESCE(((add_to_lifetime_baseline.p_item ->> 'outputTokens'::text))::bigint, (0)::bigint)), (add_to_lifetime_baseline.p_sign * COALESCE(((add_to_lifetime_baseline.p_item ->> 'cacheCreateTokens'::text))::bigint, (0)::bigint)), (add_to_lifetime_baseline.p_sign * COALESCE(((add_to_lifetime_baseline.p_item ->> 'cacheCreate5mTokens'::text))::bigint, (0)::bigint)), (add_to_lifetime_baseline.p_sign * COALESCE(((add_to_lifetime_baseline.p_item ->> 'cacheCreate1hTokens'::text))::bigint, (0)::bigint)), (add_to_lifetime_baseline.p_sign * COALESCE(((add_to_lifetime_baseline.p_item ->> 'cacheReadTokens'::text))::bigint, (0)::bigint)), (add_to_lifetime_baseline.p_sign * COALESCE(((add_to_lifetime_baseline.p_item ->> 'longContextRequests'::text))::bigint, (0)::bigint))) ON CONFLICT(scope, scope_id, part) DO UPDATE SET requests = (t.requests + excluded.requests), input_tokens = (t.input_tokens + excluded.input_tokens), output_tokens = (t.output_tokens + excluded.output_tokens), cache_create_tokens = (t.cache_create_tokens + excluded.cache_create_tokens), cache_create_5m_tokens = (t.cache_create_5m_tokens + excluded.cache_create_5m_tokens), cache_create_1h_tokens = (t.cache_create_1h_tokens + excluded.cache_create_1h_tokens), cache_read_tokens = (t.cache_read_tokens + excluded.cache_read_tokens), long_context_requests = (t.long_context_requests + excluded.long_context_requests);
END;


ALTER FUNCTION relaypg.add_to_lifetime_baseline(p_item jsonb, p_part text, p_sign integer) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION add_to_lifetime_baseline(p_item jsonb, p_part text, p_sign integer); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.add_to_lifetime_baseline(p_item jsonb, p_part text, p_sign integer) IS 'Adds p_sign times an import item''s counters to the lifetime or months part of a scope''s CRS lifetime baseline.';


--
-- Name: api_keys_bump_auth_version(); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.api_keys_bump_auth_version() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.api_keys_bump_auth_version() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION api_keys_bump_auth_version(); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.api_keys_bump_auth_version() IS 'BEFORE UPDATE trigger: bumps auth_version on any change other than last_used_at/updated_at/import bookkeeping; keeps an explicit bump.';


--
-- Name: api_keys_notify_change(); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.api_keys_notify_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.api_keys_notify_change() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION api_keys_notify_change(); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.api_keys_notify_change() IS 'AFTER trigger: NOTIFY relaypg_api_key_changed {id, version} when a key''s cached decision may change.';


--
-- Name: account_groups; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.account_groups (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    platform text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    crs_extra jsonb DEFAULT '{}'::jsonb NOT NULL,
    crs_synced_at timestamp with time zone,
    CONSTRAINT account_groups_crs_extra_is_an_object CHECK ((jsonb_typeof(crs_extra) = 'object'::text)),
    CONSTRAINT account_groups_name_is_not_blank CHECK ((btrim(name) <> ''::text)),
    CONSTRAINT account_groups_platform_is_known CHECK ((platform = ANY (ARRAY['claude'::text, 'gemini'::text, 'openai'::text])))
);


ALTER TABLE relaypg.account_groups OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE account_groups; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.account_groups IS 'Account groups (CRS account_group:{id}); a key bound to group:{id} is served by its members only.';


--
-- Name: apply_account_group_settings(relaypg.account_groups, jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.apply_account_group_settings(p_group relaypg.account_groups, p_settings jsonb) RETURNS relaypg.account_groups
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.apply_account_group_settings(p_group relaypg.account_groups, p_settings jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION apply_account_group_settings(p_group relaypg.account_groups, p_settings jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.apply_account_group_settings(p_group relaypg.account_groups, p_settings jsonb) IS 'Applies name/description/platform to a group row; RVINV names a bad field.';


--
-- Name: apply_account_secrets(relaypg.accounts, jsonb, jsonb, jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.apply_account_secrets(p_account relaypg.accounts, p_proxy jsonb, p_changes jsonb, p_keyring jsonb) RETURNS relaypg.accounts
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.apply_account_secrets(p_account relaypg.accounts, p_proxy jsonb, p_changes jsonb, p_keyring jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION apply_account_secrets(p_account relaypg.accounts, p_proxy jsonb, p_changes jsonb, p_keyring jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.apply_account_secrets(p_account relaypg.accounts, p_proxy jsonb, p_changes jsonb, p_keyring jsonb) IS 'Merges secret changes (null removes) and a proxy (its password becomes the secret proxyPassword) into the encrypted blob, re-encrypted with the current key.';


--
-- Name: apply_account_settings(relaypg.accounts, jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.apply_account_settings(p_account relaypg.accounts, p_settings jsonb) RETURNS relaypg.accounts
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION relaypg.apply_account_settings(p_account relaypg.accounts, p_settings jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION apply_account_settings(p_account relaypg.accounts, p_settings jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.apply_account_settings(p_account relaypg.accounts, p_settings jsonb) IS 'Applies a settings object to an account row; RVINV names the first bad field. The proxy is applied with the secrets.';


--
-- Name: api_keys; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.api_keys (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    name text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    digest bytea NOT NULL,
    digest_scheme text NOT NULL,
    permissions text DEFAULT 'all'::text NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    token_limit bigint DEFAULT 0 NOT NULL,
    concurrency_limit integer DEFAULT 0 NOT NULL,
    rate_limit_window integer DEFAULT 0 NOT NULL,
    rate_limit_requests integer DEFAULT 0 NOT NULL,
    rate_limit_cost numeric DEFAULT 0 NOT NULL,
    daily_cost_limit numeric DEFAULT 0 NOT NULL,
    weekly_opus_cost_limit numeric DEFAULT 0 NOT NULL,
    claude_account_id text,
    claude_console_account_id text,
    gemini_account_id text,
    openai_account_id text,
    azure_openai_account_id text,
    bedrock_account_id text,
    enable_model_restriction boolean DEFAULT false NOT NULL,
    restricted_models text[] DEFAULT '{}'::text[] NOT NULL,
    enable_client_restriction boolean DEFAULT false NOT NULL,
    allowed_clients text[] DEFAULT '{}'::text[] NOT NULL,
    tags text[] DEFAULT '{}'::text[] NOT NULL,
    expiration_mode text DEFAULT 'fixed'::text NOT NULL,
    activation_days integer DEFAULT 0 NOT NULL,
    is_activated boolean DEFAULT true NOT NULL,
    activated_at timestamp with time zone,
    expires_at timestamp with time zone,
    owner_user_id text,
    icon text DEFAULT ''::text NOT NULL,
    created_by text DEFAULT 'admin'::text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    last_used_at timestamp with time zone,
    deleted_at timestamp with time zone,
    deleted_by text,
    deleted_by_type text,
    restored_at timestamp with time zone,
    restored_by text,
    restored_by_type text,
    auth_version bigint DEFAULT 1 NOT NULL,
    crs_extra jsonb DEFAULT '{}'::jsonb NOT NULL,
    crs_fingerprint text,
    crs_synced_version bigint,
    total_cost_limit numeric,
    CONSTRAINT api_keys_activation_days_is_non_negative CHECK ((activation_days >= 0)),
    CONSTRAINT api_keys_activation_is_consistent CHECK (((expiration_mode = 'fixed'::text) OR (is_activated = (activated_at IS NOT NULL)))),
    CONSTRAINT api_keys_concurrency_limit_is_non_negative CHECK ((concurrency_limit >= 0)),
    CONSTRAINT api_keys_crs_extra_is_an_object CHECK ((jsonb_typeof(crs_extra) = 'object'::text)),
    CONSTRAINT api_keys_daily_cost_limit_is_non_negative CHECK ((daily_cost_limit >= (0)::numeric)),
    CONSTRAINT api_keys_deleted_by_type_is_known CHECK ((deleted_by_type = ANY (ARRAY['user'::text, 'admin'::text, 'system'::text]))),
    CONSTRAINT api_keys_digest_is_32_bytes CHECK ((octet_length(digest) = 32)),
    CONSTRAINT api_keys_digest_scheme_is_known CHECK ((digest_scheme ~ '^(hmac-sha256:v[1-9][0-9]{0,8}|crs-sha256)$'::text)),
    CONSTRAINT api_keys_expiration_mode_is_known CHECK ((expiration_mode = ANY (ARRAY['fixed'::text, 'activation'::text]))),
    CONSTRAINT api_keys_name_is_not_blank CHECK ((btrim(name) <> ''::text)),
    CONSTRAINT api_keys_name_is_short CHECK ((char_length(name) <= 200)),
    CONSTRAINT api_keys_permissions_is_known CHECK ((permissions = ANY (ARRAY['all'::text, 'claude'::text, 'gemini'::text, 'openai'::text]))),
    CONSTRAINT api_keys_rate_limit_cost_is_non_negative CHECK ((rate_limit_cost >= (0)::numeric)),
    CONSTRAINT api_keys_rate_limit_requests_is_non_negative CHECK ((rate_limit_requests >= 0)),
    CONSTRAINT api_keys_rate_limit_window_is_non_negative CHECK ((rate_limit_window >= 0)),
    CONSTRAINT api_keys_restored_by_type_is_known CHECK ((restored_by_type = ANY (ARRAY['user'::text, 'admin'::text, 'system'::text]))),
    CONSTRAINT api_keys_token_limit_is_non_negative CHECK ((token_limit >= 0)),
    CONSTRAINT api_keys_total_cost_limit_is_non_negative CHECK ((total_cost_limit >= (0)::numeric)),
    CONSTRAINT api_keys_weekly_opus_cost_limit_is_non_negative CHECK ((weekly_opus_cost_limit >= (0)::numeric))
);


ALTER TABLE relaypg.api_keys OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE api_keys; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.api_keys IS 'API keys handed to users (CRS apikey:{id}). Only digests are stored. Private: reached through api.* functions.';


--
-- Name: apply_api_key_settings(relaypg.api_keys, jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.apply_api_key_settings(p_key relaypg.api_keys, p_settings jsonb) RETURNS relaypg.api_keys
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.apply_api_key_settings(p_key relaypg.api_keys, p_settings jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION apply_api_key_settings(p_key relaypg.api_keys, p_settings jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.apply_api_key_settings(p_key relaypg.api_keys, p_settings jsonb) IS 'Applies and validates create/update settings (snake_case jsonb) onto a key row; RVINV/USNFD per field.';


--
-- Name: apply_usage_contribution(jsonb, integer); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.apply_usage_contribution(p_items jsonb, p_sign integer) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION relaypg.apply_usage_contribution(p_items jsonb, p_sign integer) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION apply_usage_contribution(p_items jsonb, p_sign integer); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.apply_usage_contribution(p_items jsonb, p_sign integer) IS 'Adds (p_sign = 1) or takes back (-1) a CRS usage contribution to the ledger and rollup rows it names.';


--
-- Name: authenticated_key(relaypg.api_keys); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.authenticated_key(p_key relaypg.api_keys) RETURNS json
    LANGUAGE plpgsql STABLE
    AS $$
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


ALTER FUNCTION relaypg.authenticated_key(p_key relaypg.api_keys) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION authenticated_key(p_key relaypg.api_keys); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.authenticated_key(p_key relaypg.api_keys) IS 'The key holder''s view of a key (api.authenticated_key as JSON): returned by api.authenticate_api_key and cached as is.';


--
-- Name: check_actor_type(text, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.check_actor_type(p_field text, p_type text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
begin
  if p_type is null or p_type not in ('user', 'admin', 'system') then
    perform relaypg.raise_invalid(p_field, 'must be user, admin or system');
  end if;
end
$$;


ALTER FUNCTION relaypg.check_actor_type(p_field text, p_type text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION check_actor_type(p_field text, p_type text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.check_actor_type(p_field text, p_type text) IS 'Validates who acted (user/admin/system); RVINV otherwise.';


--
-- Name: check_digest(bytea, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.check_digest(p_digest bytea, p_digest_scheme text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
begin
  if p_digest is null or octet_length(p_digest) <> 32 then
    perform relaypg.raise_invalid('digest', 'must be 32 bytes');
  end if;
  if p_digest_scheme is null or p_digest_scheme !~ '^(hmac-sha256:v[1-9][0-9]{0,8}|crs-sha256)$' then
    perform relaypg.raise_invalid('digest_scheme', 'must be hmac-sha256:v<version> or crs-sha256');
  end if;
end
$_$;


ALTER FUNCTION relaypg.check_digest(p_digest bytea, p_digest_scheme text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION check_digest(p_digest bytea, p_digest_scheme text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.check_digest(p_digest bytea, p_digest_scheme text) IS 'Validates a digest and its scheme; RVINV otherwise.';


--
-- Name: check_usage_events(jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.check_usage_events(p_events jsonb) RETURNS void
    LANGUAGE plpgsql STABLE
    AS $_$
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
$_$;


ALTER FUNCTION relaypg.check_usage_events(p_events jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION check_usage_events(p_events jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.check_usage_events(p_events jsonb) IS 'RVINV naming events[i].field for the first malformed field of a batch of usage events (at most 5000).';


--
-- Name: model_price_keys; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.model_price_keys (
    model text NOT NULL,
    price_key text,
    priced boolean NOT NULL,
    normalised_model text NOT NULL,
    input_rate numeric NOT NULL,
    output_rate numeric NOT NULL,
    cache_write_rate numeric NOT NULL,
    cache_write_1h_rate numeric NOT NULL,
    cache_read_rate numeric NOT NULL,
    plain_input_rate numeric NOT NULL,
    plain_output_rate numeric NOT NULL,
    plain_cache_write_rate numeric NOT NULL,
    plain_cache_read_rate numeric NOT NULL,
    plain_writes_at_input boolean NOT NULL
);


ALTER TABLE relaypg.model_price_keys OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE model_price_keys; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.model_price_keys IS 'Memo per model: its price entry (relaypg.resolve_price_key) and the rates api.price_request applies on each path; emptied by a trigger whenever relaypg.model_prices changes.';


--
-- Name: COLUMN model_price_keys.priced; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON COLUMN relaypg.model_price_keys.priced IS 'Whether an entry prices the model (on the details path an unpriced model costs nothing, unless it is a long-context request).';


--
-- Name: COLUMN model_price_keys.plain_writes_at_input; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON COLUMN relaypg.model_price_keys.plain_writes_at_input IS 'On the plain path, cache writes cost the input rate (CostCalculator: an OpenAI model whose entry has no cache-write price).';


--
-- Name: compute_model_rates(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.compute_model_rates(p_model text) RETURNS relaypg.model_price_keys
    LANGUAGE sql STABLE
    AS $$
  select p_model, k.price_key, p.model is not null, relaypg.normalise_model(p_model),
         coalesce(p.input_cost_per_token, 0), coalesce(p.output_cost_per_token, 0),
         coalesce(p.cache_creation_input_token_cost, 0), relaypg.one_hour_cache_price(p_model),
         coalesce(p.cache_read_input_token_cost, 0),
         -- The plain path prices a model the file lacks from CRS's static table.
         coalesce(case when p.model is null then s.i / 1000000 else p.input_cost_per_token end, 0),
         coalesce(case when p.model is null then s.o / 1000000 else p.output_cost_per_token end, 0),
         coalesce(case when p.model is null then s.w / 1000000 else p.cache_creation_input_token_cost end, 0),
         coalesce(case when p.model is null then s.r / 1000000 else p.cache_read_input_token_cost end, 0),
         coalesce(p.model is not null and (strpos(p_model, 'gpt') > 0 or strpos(p_model, 'o1') > 0 or p.provider = 'openai')
                  and coalesce(p.cache_creation_input_token_cost, 0) = 0, false)
    from (select relaypg.resolve_price_key(p_model) as price_key) k
    left join relaypg.model_prices p on p.model = k.price_key
    left join lateral (
      select t.i, t.o, t.w, t.r
        from (values ('claude-3-5-sonnet-20241022', 3.0, 15.0, 3.75, 0.3), ('claude-sonnet-4-20250514', 3.0, 15.0, 3.75, 0.3),
                     ('claude-3-5-haiku-20241022', 0.25, 1.25, 0.3, 0.03), ('claude-3-opus-20240229', 15.0, 75.0, 18.75, 1.5),
                     ('claude-opus-4-1-20250805', 15.0, 75.0, 18.75, 1.5), ('claude-3-sonnet-20240229', 3.0, 15.0, 3.75, 0.3),
                     ('claude-3-haiku-20240307', 0.25, 1.25, 0.3, 0.03), ('unknown', 3.0, 15.0, 3.75, 0.3)) t(m, i, o, w, r)
       where t.m in (p_model, 'unknown')
       order by t.m = 'unknown'
       limit 1) s on p.model is null
$$;


ALTER FUNCTION relaypg.compute_model_rates(p_model text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION compute_model_rates(p_model text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.compute_model_rates(p_model text) IS 'A model''s price entry, statistics name and the rates api.price_request applies to it on each cost path (uncached: relaypg.model_price_keys remembers it).';


--
-- Name: create_partition(text, timestamp with time zone); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.create_partition(p_table text, p_from timestamp with time zone) RETURNS text
    LANGUAGE plpgsql
    SET search_path TO ''
    SET "TimeZone" TO 'UTC'
    AS $$
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


ALTER FUNCTION relaypg.create_partition(p_table text, p_from timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION create_partition(p_table text, p_from timestamp with time zone); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.create_partition(p_table text, p_from timestamp with time zone) IS 'Creates the partition of relaypg.<p_table> starting at p_from (moving in the default partition''s rows of its range); null when it exists.';


--
-- Name: crs_boolean(jsonb, text, boolean); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.crs_boolean(p_fields jsonb, p_field text, p_default boolean) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.crs_boolean(p_fields jsonb, p_field text, p_default boolean) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION crs_boolean(p_fields jsonb, p_field text, p_default boolean); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.crs_boolean(p_fields jsonb, p_field text, p_default boolean) IS 'A CRS boolean ("true"/"false" or JSON boolean); '''' reads as p_default.';


--
-- Name: crs_count(jsonb, text, bigint); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.crs_count(p_fields jsonb, p_field text, p_max bigint) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION relaypg.crs_count(p_fields jsonb, p_field text, p_max bigint) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION crs_count(p_fields jsonb, p_field text, p_max bigint); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.crs_count(p_fields jsonb, p_field text, p_max bigint) IS 'A CRS integer string from 0 to p_max; '''' reads as 0.';


--
-- Name: crs_instant(jsonb, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.crs_instant(p_fields jsonb, p_field text) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION relaypg.crs_instant(p_fields jsonb, p_field text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION crs_instant(p_fields jsonb, p_field text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.crs_instant(p_fields jsonb, p_field text) IS 'A CRS time as epoch milliseconds (12-16 digits), epoch seconds (9-11 digits) or ISO 8601; '''' reads as null.';


--
-- Name: crs_model_mapping(jsonb, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.crs_model_mapping(p_fields jsonb, p_field text) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.crs_model_mapping(p_fields jsonb, p_field text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION crs_model_mapping(p_fields jsonb, p_field text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.crs_model_mapping(p_fields jsonb, p_field text) IS 'Normalises CRS supportedModels (object, array or comma-joined string) to a mapping; empty = every model.';


--
-- Name: crs_money(jsonb, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.crs_money(p_fields jsonb, p_field text) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION relaypg.crs_money(p_fields jsonb, p_field text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION crs_money(p_fields jsonb, p_field text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.crs_money(p_fields jsonb, p_field text) IS 'A CRS non-negative decimal string (USD); '''' reads as 0.';


--
-- Name: crs_subscription_plan(jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.crs_subscription_plan(p_fields jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.crs_subscription_plan(p_fields jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION crs_subscription_plan(p_fields jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.crs_subscription_plan(p_fields jsonb) IS 'max / pro / free from CRS subscriptionInfo (null when unknown).';


--
-- Name: crs_text(jsonb, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.crs_text(p_fields jsonb, p_field text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select nullif(p_fields ->> p_field, '');
$$;


ALTER FUNCTION relaypg.crs_text(p_fields jsonb, p_field text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION crs_text(p_fields jsonb, p_field text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.crs_text(p_fields jsonb, p_field text) IS 'A CRS string field; '''' and missing read as null.';


--
-- Name: crs_text_array(jsonb, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.crs_text_array(p_fields jsonb, p_field text) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.crs_text_array(p_fields jsonb, p_field text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION crs_text_array(p_fields jsonb, p_field text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.crs_text_array(p_fields jsonb, p_field text) IS 'A CRS JSON-array-in-a-string field; '''' reads as {}.';


--
-- Name: crs_timestamptz(jsonb, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.crs_timestamptz(p_fields jsonb, p_field text) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION relaypg.crs_timestamptz(p_fields jsonb, p_field text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION crs_timestamptz(p_fields jsonb, p_field text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.crs_timestamptz(p_fields jsonb, p_field text) IS 'A CRS ISO timestamp (toISOString); '''' reads as null.';


--
-- Name: crs_usage_contribution(text, jsonb, text, date); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.crs_usage_contribution(p_redis_key text, p_value jsonb, p_time_zone text, p_reference date DEFAULT NULL::date) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION relaypg.crs_usage_contribution(p_redis_key text, p_value jsonb, p_time_zone text, p_reference date) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION crs_usage_contribution(p_redis_key text, p_value jsonb, p_time_zone text, p_reference date); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.crs_usage_contribution(p_redis_key text, p_value jsonb, p_time_zone text, p_reference date) IS 'What a CRS usage key (usage:*, account_usage:*) adds to the ledger and rollups (buckets read in p_time_zone; p_reference: the cut-off''s local day, for CRS''s W01 labels), or {"skip": why}. IMBAD.';


--
-- Name: crs_week_label(timestamp without time zone); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.crs_week_label(p_local timestamp without time zone) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
  select to_char(p_local, 'YYYY') || '-W'
         || lpad(ceil((extract(epoch from t.thursday - make_timestamp(extract(year from t.thursday)::integer, 1, 1, 0, 0, 0)) / 86400 + 1)
                      / 7)::integer::text, 2, '0')
    from (select p_local + make_interval(days => 4 - extract(isodow from p_local)::integer) as thursday) t;
$$;


ALTER FUNCTION relaypg.crs_week_label(p_local timestamp without time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION crs_week_label(p_local timestamp without time zone); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.crs_week_label(p_local timestamp without time zone) IS 'The week label CRS 0881cc09 writes for a local instant (usage:opus:weekly:{key}:{label}); not an ISO week.';


--
-- Name: decrypt_secrets(bytea, integer, jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.decrypt_secrets(p_ciphertext bytea, p_version integer, p_keyring jsonb) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.decrypt_secrets(p_ciphertext bytea, p_version integer, p_keyring jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION decrypt_secrets(p_ciphertext bytea, p_version integer, p_keyring jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.decrypt_secrets(p_ciphertext bytea, p_version integer, p_keyring jsonb) IS 'Decrypts a secrets blob with the key of its version; ACKEY on a missing or wrong key.';


--
-- Name: encrypt_secrets(jsonb, jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.encrypt_secrets(p_secrets jsonb, p_keyring jsonb) RETURNS bytea
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  -- s2k-mode=1 (salted, one pass): the key is a random service secret, not a
  -- password, so iterated key stretching would only slow every read down.
  select crypto.pgp_sym_encrypt(p_secrets::text,
           relaypg.keyring_key(p_keyring, relaypg.keyring_current_version(p_keyring)),
           'cipher-algo=aes256, s2k-mode=1');
$$;


ALTER FUNCTION relaypg.encrypt_secrets(p_secrets jsonb, p_keyring jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION encrypt_secrets(p_secrets jsonb, p_keyring jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.encrypt_secrets(p_secrets jsonb, p_keyring jsonb) IS 'PGP-encrypts a JSON object of secrets with the key ring''s current key.';


--
-- Name: explain_no_account(text[], uuid, text, timestamp with time zone); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.explain_no_account(p_kinds text[], p_group_id uuid, p_model text, p_at timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.explain_no_account(p_kinds text[], p_group_id uuid, p_model text, p_at timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION explain_no_account(p_kinds text[], p_group_id uuid, p_model text, p_at timestamp with time zone); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.explain_no_account(p_kinds text[], p_group_id uuid, p_model text, p_at timestamp with time zone) IS 'Why no candidate account can serve: candidates counted by reason.';


--
-- Name: filter_api_keys(boolean, boolean, text, text, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.filter_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text) RETURNS SETOF relaypg.api_keys
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select k.*
    from relaypg.api_keys k
   where (p_is_active is null or k.is_active = p_is_active)
     and (p_is_deleted is null or (k.deleted_at is not null) = p_is_deleted)
     and (p_tag is null or k.tags @> array[p_tag])
     and (p_owner_user_id is null or k.owner_user_id = p_owner_user_id)
     and (p_search is null
          or k.name ilike '%' || replace(replace(replace(p_search, '\', '\\'), '%', '\%'), '_', '\_') || '%');
$$;


ALTER FUNCTION relaypg.filter_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION filter_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.filter_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text) IS 'Keys matching the list filters (null = any); p_search is a case-insensitive substring of the name.';


--
-- Name: forget_price_keys(); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.forget_price_keys() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
begin
  delete from relaypg.model_price_keys;
  return null;
end
$$;


ALTER FUNCTION relaypg.forget_price_keys() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION forget_price_keys(); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.forget_price_keys() IS 'Trigger: prices changed, so every remembered price entry is dropped.';


--
-- Name: forget_scheduled_job(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.forget_scheduled_job(p_name text) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  delete from relaypg.scheduled_jobs j where j.name = p_name;
$$;


ALTER FUNCTION relaypg.forget_scheduled_job(p_name text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION forget_scheduled_job(p_name text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.forget_scheduled_job(p_name text) IS 'Records that pg_cron no longer runs a job here (db setup, superuser; not granted to the service).';


--
-- Name: is_canonical_uuid(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.is_canonical_uuid(p_text text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (p_text ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'::text);


ALTER FUNCTION relaypg.is_canonical_uuid(p_text text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION is_canonical_uuid(p_text text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.is_canonical_uuid(p_text text) IS 'Whether a text is a UUID in its canonical 8-4-4-4-12 form (either case).';


--
-- Name: is_iso_instant(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.is_iso_instant(p_text text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE
    AS $_$
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
$_$;


ALTER FUNCTION relaypg.is_iso_instant(p_text text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION is_iso_instant(p_text text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.is_iso_instant(p_text text) IS 'Whether a text is an ISO 8601 instant with an offset (Z or +hh[:mm]) naming a real date and time.';


--
-- Name: is_whole_number(numeric, numeric, numeric); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.is_whole_number(p_value numeric, p_min numeric, p_max numeric) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (((p_value >= p_min) AND (p_value <= p_max)) AND (scale(p_value) = 0));


ALTER FUNCTION relaypg.is_whole_number(p_value numeric, p_min numeric, p_max numeric) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION is_whole_number(p_value numeric, p_min numeric, p_max numeric); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.is_whole_number(p_value numeric, p_min numeric, p_max numeric) IS 'Whether a number is written without fraction digits and lies in [min, max].';


--
-- Name: is_token_count(jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.is_token_count(p_value jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ((p_value IS NULL) OR (jsonb_typeof(p_value) = 'null'::text) OR ((jsonb_typeof(p_value) = 'number'::text) AND relaypg.is_whole_number((p_value)::numeric, (0)::numeric, ('1000000000000'::bigint)::numeric)));


ALTER FUNCTION relaypg.is_token_count(p_value jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION is_token_count(p_value jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.is_token_count(p_value jsonb) IS 'Whether a JSON value is absent, null, or a whole number of tokens from 0 to 10^12.';


--
-- Name: iso_timestamp(timestamp with time zone); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.iso_timestamp(p_at timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE
    AS $$
  -- The shape of JavaScript's Date.prototype.toISOString (and of CRS's data).
  select to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
$$;


ALTER FUNCTION relaypg.iso_timestamp(p_at timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION iso_timestamp(p_at timestamp with time zone); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.iso_timestamp(p_at timestamp with time zone) IS 'A timestamp as ISO 8601 UTC with milliseconds, like toISOString().';


--
-- Name: keyring_current_version(jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.keyring_current_version(p_keyring jsonb) RETURNS integer
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
begin
  if jsonb_typeof(p_keyring -> 'current') is distinct from 'number' or (p_keyring ->> 'current') !~ '^[1-9][0-9]{0,8}$' then
    raise exception 'the key ring has no current version' using errcode = 'ACKEY';
  end if;
  return (p_keyring ->> 'current')::integer;
end
$_$;


ALTER FUNCTION relaypg.keyring_current_version(p_keyring jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION keyring_current_version(p_keyring jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.keyring_current_version(p_keyring jsonb) IS 'The current version of a key ring; ACKEY when absent.';


--
-- Name: keyring_key(jsonb, integer); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.keyring_key(p_keyring jsonb, p_version integer) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.keyring_key(p_keyring jsonb, p_version integer) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION keyring_key(p_keyring jsonb, p_version integer); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.keyring_key(p_keyring jsonb, p_version integer) IS 'The key of one version from a key ring {"current", "keys"}; ACKEY when it is missing or shorter than 16 characters.';


--
-- Name: keys_bound_to(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.keys_bound_to(p_target text) RETURNS SETOF uuid
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  -- Bindings are free text from CRS: compared without regard to case, as
  -- api.select_account reads them.
  select k.id from relaypg.api_keys k
   where lower(p_target) in (lower(k.claude_account_id), lower(k.claude_console_account_id), lower(k.gemini_account_id),
                             lower(k.openai_account_id), lower(k.azure_openai_account_id), lower(k.bedrock_account_id))
      or lower(k.openai_account_id) = 'responses:' || lower(p_target);
$$;


ALTER FUNCTION relaypg.keys_bound_to(p_target text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION keys_bound_to(p_target text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.keys_bound_to(p_target text) IS 'Ids of the keys whose binding names p_target (an account id or group:<id>).';


--
-- Name: lock_account(uuid); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.lock_account(p_id uuid) RETURNS relaypg.accounts
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.lock_account(p_id uuid) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION lock_account(p_id uuid); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.lock_account(p_id uuid) IS 'Locks and returns an account row; ACNFD when it does not exist.';


--
-- Name: lock_account_group(uuid); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.lock_account_group(p_id uuid) RETURNS relaypg.account_groups
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.lock_account_group(p_id uuid) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION lock_account_group(p_id uuid); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.lock_account_group(p_id uuid) IS 'Locks and returns a group; GRNFD when it does not exist.';


--
-- Name: lock_api_key(uuid); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.lock_api_key(p_id uuid) RETURNS relaypg.api_keys
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.lock_api_key(p_id uuid) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION lock_api_key(p_id uuid); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.lock_api_key(p_id uuid) IS 'SELECT ... FOR UPDATE of one key; KYNFD when absent.';


--
-- Name: model_rates(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.model_rates(p_model text) RETURNS relaypg.model_price_keys
    LANGUAGE plpgsql STABLE
    AS $$
declare
  v_rates relaypg.model_price_keys;
begin
  select k.* into v_rates from relaypg.model_price_keys k where k.model = p_model;
  if not found then
    v_rates := relaypg.compute_model_rates(p_model);
  end if;
  return v_rates;
end
$$;


ALTER FUNCTION relaypg.model_rates(p_model text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION model_rates(p_model text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.model_rates(p_model text) IS 'The remembered price entry and rates of a model, computed when not remembered.';


--
-- Name: normalise_model(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.normalise_model(p_model text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN ((p_model IS NULL) OR (p_model = 'unknown'::text)) THEN p_model WHEN ((strpos(p_model, '.anthropic.'::text) > 0) OR (strpos(p_model, '.claude'::text) > 0)) THEN regexp_replace(regexp_replace(regexp_replace(p_model, '^[a-z0-9-]+\.'::text, ''::text), 'anthropic\.'::text, ''::text), '-v\d+:\d+$'::text, ''::text) ELSE regexp_replace(p_model, '-v\d+:\d+$|:latest$'::text, ''::text) END;


ALTER FUNCTION relaypg.normalise_model(p_model text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION normalise_model(p_model text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.normalise_model(p_model text) IS 'CRS''s statistics model name: Bedrock region, anthropic. and -vN:M removed; else a trailing -vN:M or :latest removed.';


--
-- Name: one_hour_cache_price(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.one_hour_cache_price(p_model text) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$
  select case
    when lower(p_model) like '%opus%' then 0.00003
    when lower(p_model) like '%sonnet%' then 0.000006
    when lower(p_model) like '%haiku%' then 0.0000016
    else 0 end;
$$;


ALTER FUNCTION relaypg.one_hour_cache_price(p_model text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION one_hour_cache_price(p_model text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.one_hour_cache_price(p_model text) IS 'USD per token of a 1-hour cache write, as CRS hard-codes it (Opus 30, Sonnet 6, Haiku 1.6 per million).';


--
-- Name: partition_bounds(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.partition_bounds(p_table text) RETURNS TABLE(partition_name text, lower_bound timestamp with time zone, upper_bound timestamp with time zone)
    LANGUAGE sql STABLE
    SET search_path TO ''
    SET "TimeZone" TO 'UTC'
    AS $$
  select c.relname::text,
         (regexp_match(pg_catalog.pg_get_expr(c.relpartbound, c.oid), 'FROM \(''([^'']+)''\)'))[1]::timestamptz,
         (regexp_match(pg_catalog.pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::timestamptz
    from pg_catalog.pg_inherits i
    join pg_catalog.pg_class c on c.oid = i.inhrelid
   where i.inhparent = pg_catalog.to_regclass('relaypg.' || p_table)
     and pg_catalog.pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT';
$$;


ALTER FUNCTION relaypg.partition_bounds(p_table text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION partition_bounds(p_table text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.partition_bounds(p_table text) IS 'The range partitions of relaypg.<p_table>, with their bounds (UTC).';


--
-- Name: partition_key_column(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.partition_key_column(p_table text) RETURNS text
    LANGUAGE sql STABLE
    SET search_path TO ''
    RETURN (SELECT (a.attname)::text AS attname FROM (pg_partitioned_table pt JOIN pg_attribute a ON (((a.attrelid = pt.partrelid) AND (a.attnum = pt.partattrs[0])))) WHERE (pt.partrelid = (to_regclass(('relaypg.'::text || partition_key_column.p_table)))::oid));


ALTER FUNCTION relaypg.partition_key_column(p_table text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION partition_key_column(p_table text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.partition_key_column(p_table text) IS 'The column relaypg.<p_table> is range-partitioned on.';


--
-- Name: price_key(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.price_key(p_model text) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
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


ALTER FUNCTION relaypg.price_key(p_model text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION price_key(p_model text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.price_key(p_model text) IS 'The pricing entry CRS 0881cc09 would price a model with: remembered in relaypg.model_price_keys, else relaypg.resolve_price_key.';


--
-- Name: price_number(json, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.price_number(p_entry json, p_field text) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
begin
  if json_typeof(p_entry -> p_field) is distinct from 'number' then
    return null;  -- absent, null or not a number: no price
  end if;
  -- The file's decimal text, never through a double.
  return (p_entry ->> p_field)::numeric;
end
$$;


ALTER FUNCTION relaypg.price_number(p_entry json, p_field text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION price_number(p_entry json, p_field text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.price_number(p_entry json, p_field text) IS 'A price field of a pricing-file entry as exact numeric (null when absent or not a number).';


--
-- Name: raise_bad_crs_field(text, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.raise_bad_crs_field(p_field text, p_message text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
begin
  raise exception 'CRS field %: %', p_field, p_message using errcode = 'IMBAD', column = p_field;
end
$$;


ALTER FUNCTION relaypg.raise_bad_crs_field(p_field text, p_message text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION raise_bad_crs_field(p_field text, p_message text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.raise_bad_crs_field(p_field text, p_message text) IS 'Raises IMBAD (unusable CRS data) naming the CRS field in COLUMN.';


--
-- Name: raise_invalid(text, text, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.raise_invalid(p_field text, p_message text, p_hint text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
begin
  raise exception '%: %', p_field, p_message
    using errcode = 'RVINV', column = p_field, hint = coalesce(p_hint, '');
end
$$;


ALTER FUNCTION relaypg.raise_invalid(p_field text, p_message text, p_hint text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION raise_invalid(p_field text, p_message text, p_hint text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.raise_invalid(p_field text, p_message text, p_hint text) IS 'Raises RVINV (invalid input) naming the offending field in COLUMN.';


--
-- Name: record_scheduled_job(text, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.record_scheduled_job(p_name text, p_schedule text) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    AS $$
  insert into relaypg.scheduled_jobs (name, schedule) values (p_name, p_schedule)
  on conflict (name) do update
    set schedule = excluded.schedule, database_name = excluded.database_name, scheduled_at = now();
$$;


ALTER FUNCTION relaypg.record_scheduled_job(p_name text, p_schedule text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION record_scheduled_job(p_name text, p_schedule text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.record_scheduled_job(p_name text, p_schedule text) IS 'Records that pg_cron runs a job for this database (called by db setup as a superuser; not granted to the service).';


--
-- Name: refuse_over_limit(text, text, numeric, numeric, timestamp with time zone); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.refuse_over_limit(p_code text, p_what text, p_limit numeric, p_current numeric, p_reset_at timestamp with time zone) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
begin
  raise exception '% limit reached: % of %', p_what, p_current, p_limit
    using errcode = p_code,
          detail = jsonb_build_object('limit', p_limit, 'current', p_current, 'resetAt', p_reset_at)::text;
end
$$;


ALTER FUNCTION relaypg.refuse_over_limit(p_code text, p_what text, p_limit numeric, p_current numeric, p_reset_at timestamp with time zone) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION refuse_over_limit(p_code text, p_what text, p_limit numeric, p_current numeric, p_reset_at timestamp with time zone); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.refuse_over_limit(p_code text, p_what text, p_limit numeric, p_current numeric, p_reset_at timestamp with time zone) IS 'Raises a limit refusal (LM*) with DETAIL {"limit", "current", "resetAt"} as JSON.';


--
-- Name: release_bindings(text, text, boolean); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.release_bindings(p_target text, p_what text, p_unbind_keys boolean) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.release_bindings(p_target text, p_what text, p_unbind_keys boolean) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION release_bindings(p_target text, p_what text, p_unbind_keys boolean); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.release_bindings(p_target text, p_what text, p_unbind_keys boolean) IS 'ACBND (detail: the key ids) while keys are bound to p_target, unless p_unbind_keys: then unbinds them and returns how many.';


--
-- Name: remember_price_keys(text[]); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.remember_price_keys(p_models text[]) RETURNS void
    LANGUAGE sql
    SET search_path TO ''
    BEGIN ATOMIC
 INSERT INTO relaypg.model_price_keys (model, price_key, priced, normalised_model, input_rate, output_rate, cache_write_rate, cache_write_1h_rate, cache_read_rate, plain_input_rate, plain_output_rate, plain_cache_write_rate, plain_cache_read_rate, plain_writes_at_input)  SELECT r.model,
             r.price_key,
             r.priced,
             r.normalised_model,
             r.input_rate,
             r.output_rate,
             r.cache_write_rate,
             r.cache_write_1h_rate,
             r.cache_read_rate,
             r.plain_input_rate,
             r.plain_output_rate,
             r.plain_cache_write_rate,
             r.plain_cache_read_rate,
             r.plain_writes_at_input
            FROM (( SELECT DISTINCT u.model
                    FROM unnest(remember_price_keys.p_models) u(model)
                   WHERE (COALESCE(u.model, ''::text) <> ''::text)) m
              CROSS JOIN LATERAL relaypg.compute_model_rates(m.model) r(model, price_key, priced, normalised_model, input_rate, output_rate, cache_write_rate, cache_write_1h_rate, cache_read_rate, plain_input_rate, plain_output_rate, plain_cache_write_rate, plain_cache_read_rate, plain_writes_at_input))
           WHERE (NOT (EXISTS ( SELECT
                    FROM relaypg.model_price_keys k
                   WHERE (k.model = m.model)))) ON CONFLICT(model) DO NOTHING;
END;


ALTER FUNCTION relaypg.remember_price_keys(p_models text[]) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION remember_price_keys(p_models text[]); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.remember_price_keys(p_models text[]) IS 'Adds the price entry and rates of each model not yet in relaypg.model_price_keys.';


--
-- Name: resolve_price_key(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.resolve_price_key(p_model text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $$
declare
  v_key text;
  v_normalised text;
  v_core text;
begin
  if coalesce(p_model, '') = '' then
    return null;
  end if;
  select p.model into v_key from relaypg.model_prices p where p.model = p_model;
  if found then
    return v_key;
  end if;
  if p_model = 'gpt-5-codex' and exists (select from relaypg.model_prices p where p.model = 'gpt-5') then
    return 'gpt-5';
  end if;
  if strpos(p_model, '.anthropic.') > 0 or strpos(p_model, '.claude') > 0 then
    select p.model into v_key from relaypg.model_prices p where p.model = regexp_replace(p_model, '^(us|eu|apac)\.', '');
    if found then
      return v_key;
    end if;
  end if;
  v_normalised := translate(lower(p_model), '-_', '');
  select p.model into v_key from relaypg.model_prices p
   where strpos(translate(lower(p.model), '-_', ''), v_normalised) > 0 or strpos(v_normalised, translate(lower(p.model), '-_', '')) > 0
   order by p.file_position limit 1;
  if found then
    return v_key;
  end if;
  if strpos(p_model, 'anthropic.claude') > 0 then
    v_core := replace(regexp_replace(p_model, '^(us|eu|apac)\.', ''), 'anthropic.', '');
    select p.model into v_key from relaypg.model_prices p
     where strpos(p.model, v_core) > 0 or strpos(replace(p.model, 'anthropic.', ''), v_core) > 0
     order by p.file_position limit 1;
    if found then
      return v_key;
    end if;
  end if;
  return null;
end
$$;


ALTER FUNCTION relaypg.resolve_price_key(p_model text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION resolve_price_key(p_model text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.resolve_price_key(p_model text) IS 'The pricing entry CRS 0881cc09 would price a model with (exact, gpt-5-codex, Bedrock region, fuzzy in file order, Bedrock core); null when none. Uncached: use relaypg.price_key.';


--
-- Name: rollup_upsert_sql(text, text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.rollup_upsert_sql(p_grain text, p_select text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.rollup_upsert_sql(p_grain text, p_select text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION rollup_upsert_sql(p_grain text, p_select text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.rollup_upsert_sql(p_grain text, p_select text) IS 'The INSERT ... ON CONFLICT that adds the rows of a query to a rollup grain (hour, day, month).';


--
-- Name: save_account(relaypg.accounts); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.save_account(p_account relaypg.accounts) RETURNS relaypg.accounts
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.save_account(p_account relaypg.accounts) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION save_account(p_account relaypg.accounts); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.save_account(p_account relaypg.accounts) IS 'Writes every column of an account row back (the trigger decides the version bump).';


--
-- Name: save_api_key(relaypg.api_keys); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.save_api_key(p_key relaypg.api_keys) RETURNS relaypg.api_keys
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.save_api_key(p_key relaypg.api_keys) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION save_api_key(p_key relaypg.api_keys); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.save_api_key(p_key relaypg.api_keys) IS 'Writes every column of a key row (but id) and returns the stored row; auth_version as given, bumped by the trigger if unchanged.';


--
-- Name: setting_boolean(text, jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.setting_boolean(p_field text, p_value jsonb) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
begin
  if p_value is null or jsonb_typeof(p_value) <> 'boolean' then
    perform relaypg.raise_invalid(p_field, 'must be true or false');
  end if;
  return p_value::boolean;
end
$$;


ALTER FUNCTION relaypg.setting_boolean(p_field text, p_value jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION setting_boolean(p_field text, p_value jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.setting_boolean(p_field text, p_value jsonb) IS 'Reads a boolean setting; RVINV otherwise.';


--
-- Name: setting_count(text, jsonb, bigint); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.setting_count(p_field text, p_value jsonb, p_max bigint) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.setting_count(p_field text, p_value jsonb, p_max bigint) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION setting_count(p_field text, p_value jsonb, p_max bigint); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.setting_count(p_field text, p_value jsonb, p_max bigint) IS 'Reads a non-negative whole number up to p_max; RVINV otherwise.';


--
-- Name: setting_model_mapping(text, jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.setting_model_mapping(p_field text, p_value jsonb) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.setting_model_mapping(p_field text, p_value jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION setting_model_mapping(p_field text, p_value jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.setting_model_mapping(p_field text, p_value jsonb) IS 'A model mapping: an object requested -> upstream, or an array (identity); null = every model.';


--
-- Name: setting_money(text, jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.setting_money(p_field text, p_value jsonb) RETURNS numeric
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION relaypg.setting_money(p_field text, p_value jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION setting_money(p_field text, p_value jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.setting_money(p_field text, p_value jsonb) IS 'Reads a non-negative USD amount given as a JSON number or decimal string; RVINV otherwise.';


--
-- Name: setting_name(text, jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.setting_name(p_field text, p_value jsonb) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
declare
  v_name text := btrim(relaypg.setting_text(p_field, p_value, false, 200));
begin
  if v_name = '' then
    perform relaypg.raise_invalid(p_field, 'must not be blank');
  end if;
  return v_name;
end
$$;


ALTER FUNCTION relaypg.setting_name(p_field text, p_value jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION setting_name(p_field text, p_value jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.setting_name(p_field text, p_value jsonb) IS 'A display name: a string of at most 200 characters, trimmed, not blank; RVINV otherwise.';


--
-- Name: setting_proxy(text, jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.setting_proxy(p_field text, p_value jsonb, OUT proxy jsonb, OUT password text) RETURNS record
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION relaypg.setting_proxy(p_field text, p_value jsonb, OUT proxy jsonb, OUT password text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION setting_proxy(p_field text, p_value jsonb, OUT proxy jsonb, OUT password text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.setting_proxy(p_field text, p_value jsonb, OUT proxy jsonb, OUT password text) IS 'Validates a proxy object; returns it without its password, and the password apart (stored as the secret proxyPassword).';


--
-- Name: setting_text(text, jsonb, boolean, integer); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.setting_text(p_field text, p_value jsonb, p_nullable boolean, p_max_length integer) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.setting_text(p_field text, p_value jsonb, p_nullable boolean, p_max_length integer) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION setting_text(p_field text, p_value jsonb, p_nullable boolean, p_max_length integer); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.setting_text(p_field text, p_value jsonb, p_nullable boolean, p_max_length integer) IS 'Reads a string setting; null only when p_nullable; RVINV on wrong type or length.';


--
-- Name: setting_text_array(text, jsonb, integer, integer); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.setting_text_array(p_field text, p_value jsonb, p_max_items integer, p_max_length integer) RETURNS text[]
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.setting_text_array(p_field text, p_value jsonb, p_max_items integer, p_max_length integer) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION setting_text_array(p_field text, p_value jsonb, p_max_items integer, p_max_length integer); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.setting_text_array(p_field text, p_value jsonb, p_max_items integer, p_max_length integer) IS 'Reads an array of non-blank strings (trimmed, de-duplicated); RVINV otherwise.';


--
-- Name: setting_timestamptz(text, jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.setting_timestamptz(p_field text, p_value jsonb) RETURNS timestamp with time zone
    LANGUAGE plpgsql STABLE
    SET search_path TO ''
    AS $_$
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
$_$;


ALTER FUNCTION relaypg.setting_timestamptz(p_field text, p_value jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION setting_timestamptz(p_field text, p_value jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.setting_timestamptz(p_field text, p_value jsonb) IS 'Reads an ISO 8601 timestamp with zone (or null); RVINV otherwise.';


--
-- Name: strip_vendor_prefix(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.strip_vendor_prefix(p_model text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$
  -- 'ccr,claude-sonnet-4' routes to a vendor; restrictions apply to the model.
  select case when position(',' in p_model) > 0 then substr(p_model, position(',' in p_model) + 1) else p_model end;
$$;


ALTER FUNCTION relaypg.strip_vendor_prefix(p_model text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION strip_vendor_prefix(p_model text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.strip_vendor_prefix(p_model text) IS 'Drops a CRS vendor prefix ("ccr,") from a requested model name.';


--
-- Name: to_account(relaypg.accounts); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.to_account(p_account relaypg.accounts) RETURNS api.account
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.to_account(p_account relaypg.accounts) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION to_account(p_account relaypg.accounts); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.to_account(p_account relaypg.accounts) IS 'Maps a row to api.account, masking secrets.';


--
-- Name: to_account_group(relaypg.account_groups); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.to_account_group(p_group relaypg.account_groups) RETURNS api.account_group
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
  select p_group.id, p_group.name, p_group.platform, p_group.description,
         coalesce((select array_agg(m.account_id order by m.account_id) from relaypg.account_group_members m
                    where m.group_id = p_group.id), '{}'),
         p_group.created_at, p_group.updated_at;
$$;


ALTER FUNCTION relaypg.to_account_group(p_group relaypg.account_groups) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION to_account_group(p_group relaypg.account_groups); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.to_account_group(p_group relaypg.account_groups) IS 'Maps a group row to api.account_group.';


--
-- Name: to_api_key(relaypg.api_keys); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.to_api_key(p_key relaypg.api_keys) RETURNS api.api_key
    LANGUAGE sql STABLE
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.to_api_key(p_key relaypg.api_keys) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION to_api_key(p_key relaypg.api_keys); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.to_api_key(p_key relaypg.api_keys) IS 'Projects a stored key to api.api_key (drops the digest, adds the owner''s username).';


--
-- Name: unbind_keys(text); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.unbind_keys(p_target text) RETURNS integer
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.unbind_keys(p_target text) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION unbind_keys(p_target text); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.unbind_keys(p_target text) IS 'Clears every key binding that names p_target; the keys fall back to the shared pool. Returns how many keys changed.';


--
-- Name: usage_events_look_valid(jsonb); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.usage_events_look_valid(p_events jsonb) RETURNS boolean
    LANGUAGE plpgsql STABLE
    AS $_$
declare
  v_valid boolean;
begin
  if p_events is null or jsonb_typeof(p_events) <> 'array' or jsonb_array_length(p_events) > 5000 then
    return false;
  end if;
  -- coalesce: bool_and skips nulls, and a condition on an absent field is null.
  select coalesce(bool_and(coalesce(
           jsonb_typeof(x."requestId") = 'string' and char_length(x."requestId" #>> '{}') between 1 and 128
           and jsonb_typeof(x."apiKeyId") = 'string' and relaypg.is_canonical_uuid(x."apiKeyId" #>> '{}')
           and (jsonb_typeof(x."accountId") is null or jsonb_typeof(x."accountId") = 'null'
                or (jsonb_typeof(x."accountId") = 'string' and relaypg.is_canonical_uuid(x."accountId" #>> '{}')))
           and (jsonb_typeof(x."accountKind") is null or jsonb_typeof(x."accountKind") = 'null'
                or (x."accountKind" #>> '{}') = any (array['claude-official', 'claude-console', 'ccr', 'bedrock', 'gemini', 'openai',
                                                          'openai-responses', 'azure-openai']))
           and jsonb_typeof(x.model) = 'string' and char_length(x.model #>> '{}') between 1 and 200
           and (jsonb_typeof(x."occurredAt") is null or jsonb_typeof(x."occurredAt") = 'null'
                or (jsonb_typeof(x."occurredAt") = 'string'
                    and (x."occurredAt" #>> '{}') ~ '^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-](0\d|1[0-5])(:?[0-5]\d)?)$'
                    -- Days 29 to 31 and year 0 need the calendar.
                    and ((substr(x."occurredAt" #>> '{}', 9, 2) <= '28' and left(x."occurredAt" #>> '{}', 4) <> '0000')
                         or relaypg.is_iso_instant(x."occurredAt" #>> '{}'))
                    and (x."occurredAt" #>> '{}')::timestamptz <= now() + interval '5 minutes'))
           and coalesce(jsonb_typeof(x.stream), 'null') in ('boolean', 'null')
           and (jsonb_typeof(x."costPath") is null or jsonb_typeof(x."costPath") = 'null'
                or (x."costPath" #>> '{}') in ('details', 'plain'))
           and (jsonb_typeof(x.status) is null or jsonb_typeof(x.status) = 'null'
                or (jsonb_typeof(x.status) = 'number' and relaypg.is_whole_number(x.status::numeric, 100, 599)))
           and relaypg.is_token_count(x."inputTokens") and relaypg.is_token_count(x."outputTokens")
           and relaypg.is_token_count(x."cacheCreationTokens") and relaypg.is_token_count(x."cacheCreation5mTokens")
           and relaypg.is_token_count(x."cacheCreation1hTokens") and relaypg.is_token_count(x."cacheReadTokens")
           and (jsonb_typeof(x."durationMs") is null or jsonb_typeof(x."durationMs") = 'null'
                or (jsonb_typeof(x."durationMs") = 'number' and relaypg.is_whole_number(x."durationMs"::numeric, 0, 2147483647)))
           and (jsonb_typeof(x."cacheCreationTokens") is distinct from 'number'
                or x."cacheCreationTokens"::numeric
                   >= coalesce(case when jsonb_typeof(x."cacheCreation5mTokens") = 'number' then x."cacheCreation5mTokens"::numeric end, 0)
                    + coalesce(case when jsonb_typeof(x."cacheCreation1hTokens") = 'number' then x."cacheCreation1hTokens"::numeric end, 0)),
         false)), true) into v_valid
    from jsonb_array_elements(p_events) e(v)
   cross join lateral jsonb_to_record(e.v) as x(
     "requestId" jsonb, "occurredAt" jsonb, "apiKeyId" jsonb, "accountId" jsonb, "accountKind" jsonb, model jsonb,
     "inputTokens" jsonb, "outputTokens" jsonb, "cacheCreationTokens" jsonb, "cacheCreation5mTokens" jsonb,
     "cacheCreation1hTokens" jsonb, "cacheReadTokens" jsonb, stream jsonb, status jsonb, "durationMs" jsonb, "costPath" jsonb);
  return v_valid;
exception
  -- Not an object, an instant the calendar refuses, ...: the naming check decides.
  when data_exception or invalid_parameter_value then
    return false;
end
$_$;


ALTER FUNCTION relaypg.usage_events_look_valid(p_events jsonb) OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION usage_events_look_valid(p_events jsonb); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.usage_events_look_valid(p_events jsonb) IS 'Whether every event of a batch (a JSON array) is well formed: true only when relaypg.check_usage_events accepts the batch; false sends it there to name the first bad field.';


--
-- Name: usage_settings; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.usage_settings (
    singleton boolean DEFAULT true NOT NULL,
    time_zone text DEFAULT 'Asia/Shanghai'::text NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT usage_settings_is_one_row CHECK (singleton)
);


ALTER TABLE relaypg.usage_settings OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE usage_settings; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.usage_settings IS 'The one time zone (IANA) that cuts usage days, ISO weeks and months; set by the service at start-up from TIME_ZONE.';


--
-- Name: usage_time_zone(); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.usage_time_zone() RETURNS text
    LANGUAGE sql STABLE
    RETURN (SELECT s.time_zone FROM relaypg.usage_settings s);


ALTER FUNCTION relaypg.usage_time_zone() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION usage_time_zone(); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.usage_time_zone() IS 'The configured usage time zone.';


--
-- Name: users_propagate_activity(); Type: FUNCTION; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE FUNCTION relaypg.users_propagate_activity() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO ''
    AS $$
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


ALTER FUNCTION relaypg.users_propagate_activity() OWNER TO :DATABASE_OWNER;

--
-- Name: FUNCTION users_propagate_activity(); Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON FUNCTION relaypg.users_propagate_activity() IS 'AFTER UPDATE trigger on users: a change of is_active invalidates the cached decisions of the user''s keys.';


--
-- Name: account_group_members; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.account_group_members (
    group_id uuid NOT NULL,
    account_id uuid NOT NULL,
    added_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE relaypg.account_group_members OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE account_group_members; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.account_group_members IS 'Group membership (CRS account_group_members:{id}).';


--
-- Name: api_key_daily_usage; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.api_key_daily_usage (
    api_key_id uuid NOT NULL,
    day date NOT NULL,
    requests bigint DEFAULT 0 NOT NULL,
    input_tokens bigint DEFAULT 0 NOT NULL,
    output_tokens bigint DEFAULT 0 NOT NULL,
    cache_create_tokens bigint DEFAULT 0 NOT NULL,
    cache_create_5m_tokens bigint DEFAULT 0 NOT NULL,
    cache_create_1h_tokens bigint DEFAULT 0 NOT NULL,
    cache_read_tokens bigint DEFAULT 0 NOT NULL,
    long_context_requests bigint DEFAULT 0 NOT NULL,
    cost numeric DEFAULT 0 NOT NULL,
    opus_cost numeric DEFAULT 0 NOT NULL
);


ALTER TABLE relaypg.api_key_daily_usage OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE api_key_daily_usage; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.api_key_daily_usage IS 'Per-key usage by local day (relaypg.usage_settings.time_zone at recording); what daily and weekly cost limits read.';


--
-- Name: api_key_usage; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.api_key_usage (
    api_key_id uuid NOT NULL,
    requests bigint DEFAULT 0 NOT NULL,
    input_tokens bigint DEFAULT 0 NOT NULL,
    output_tokens bigint DEFAULT 0 NOT NULL,
    cache_create_tokens bigint DEFAULT 0 NOT NULL,
    cache_create_5m_tokens bigint DEFAULT 0 NOT NULL,
    cache_create_1h_tokens bigint DEFAULT 0 NOT NULL,
    cache_read_tokens bigint DEFAULT 0 NOT NULL,
    long_context_requests bigint DEFAULT 0 NOT NULL,
    long_context_input_tokens bigint DEFAULT 0 NOT NULL,
    long_context_output_tokens bigint DEFAULT 0 NOT NULL,
    cost numeric DEFAULT 0 NOT NULL,
    opus_cost numeric DEFAULT 0 NOT NULL,
    first_used_at timestamp with time zone,
    last_used_at timestamp with time zone,
    window_started_at timestamp with time zone,
    window_ends_at timestamp with time zone,
    window_requests bigint DEFAULT 0 NOT NULL,
    window_tokens bigint DEFAULT 0 NOT NULL,
    window_cost numeric DEFAULT 0 NOT NULL,
    baseline_cut_off timestamp with time zone
);


ALTER TABLE relaypg.api_key_usage OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE api_key_usage; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.api_key_usage IS 'Per-key lifetime usage and the open rate-limit window; updated by api.record_usage in the same statement as the event.';


--
-- Name: client_kinds; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.client_kinds (
    id text NOT NULL,
    name text NOT NULL,
    description text DEFAULT ''::text NOT NULL,
    user_agent_pattern text NOT NULL,
    CONSTRAINT client_kinds_id_is_an_identifier CHECK ((id ~ '^[a-z][a-z0-9_]{0,63}$'::text))
);


ALTER TABLE relaypg.client_kinds OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE client_kinds; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.client_kinds IS 'Known client identities for key client restrictions (CRS predefinedClients).';


--
-- Name: concurrency_leases; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.concurrency_leases (
    request_id text NOT NULL,
    api_key_id uuid NOT NULL,
    acquired_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT concurrency_leases_request_id_is_sane CHECK (((char_length(request_id) >= 1) AND (char_length(request_id) <= 128)))
);


ALTER TABLE relaypg.concurrency_leases OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE concurrency_leases; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.concurrency_leases IS 'Requests in flight of keys with a concurrency limit (CRS concurrency:{keyId}); a lease ends at recording, on release, or at expires_at.';


--
-- Name: crs_usage_imports; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.crs_usage_imports (
    redis_key text NOT NULL,
    fingerprint text NOT NULL,
    contribution jsonb NOT NULL,
    cut_off timestamp with time zone NOT NULL,
    imported_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT crs_usage_imports_contribution_is_an_array CHECK ((jsonb_typeof(contribution) = 'array'::text))
);


ALTER TABLE relaypg.crs_usage_imports OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE crs_usage_imports; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.crs_usage_imports IS 'CRS usage aggregates imported (usage:*, account_usage:*): what each added to the ledger and rollups, for idempotent re-imports.';


--
-- Name: deleted_accounts; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.deleted_accounts (
    id uuid NOT NULL,
    deleted_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE relaypg.deleted_accounts OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE deleted_accounts; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.deleted_accounts IS 'Tombstones of deleted accounts (the CRS importer refuses these ids).';


--
-- Name: model_prices; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.model_prices (
    model text NOT NULL,
    file_position integer NOT NULL,
    provider text,
    input_cost_per_token numeric,
    output_cost_per_token numeric,
    cache_creation_input_token_cost numeric,
    cache_read_input_token_cost numeric,
    details jsonb NOT NULL,
    source text NOT NULL,
    loaded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT model_prices_details_is_an_object CHECK ((jsonb_typeof(details) = 'object'::text)),
    CONSTRAINT model_prices_model_is_not_blank CHECK ((btrim(model) <> ''::text))
);


ALTER TABLE relaypg.model_prices OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE model_prices; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.model_prices IS 'Per-token model prices from a LiteLLM-format pricing file (the file CRS ships); file order kept for fuzzy matching.';


--
-- Name: oauth_sessions; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.oauth_sessions (
    id uuid DEFAULT gen_random_uuid() NOT NULL,
    platform text DEFAULT 'claude'::text NOT NULL,
    flow text DEFAULT 'oauth'::text NOT NULL,
    state text NOT NULL,
    code_challenge text,
    proxy jsonb,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    secrets bytea NOT NULL,
    secrets_key_version integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT oauth_sessions_details_is_an_object CHECK ((jsonb_typeof(details) = 'object'::text)),
    CONSTRAINT oauth_sessions_flow_is_known CHECK ((flow = ANY (ARRAY['oauth'::text, 'setup-token'::text]))),
    CONSTRAINT oauth_sessions_platform_is_known CHECK ((platform = ANY (ARRAY['claude'::text, 'gemini'::text, 'openai'::text]))),
    CONSTRAINT oauth_sessions_proxy_has_no_password CHECK ((NOT (proxy ? 'password'::text)))
);


ALTER TABLE relaypg.oauth_sessions OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE oauth_sessions; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.oauth_sessions IS 'Pending OAuth authorisations (CRS oauth:{id}, 10 minutes).';


--
-- Name: partition_policies; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.partition_policies (
    table_name text NOT NULL,
    step text NOT NULL,
    retention interval,
    premake integer DEFAULT 2 NOT NULL,
    CONSTRAINT partition_policies_premake_is_sane CHECK (((premake >= 0) AND (premake <= 24))),
    CONSTRAINT partition_policies_retention_is_positive CHECK ((retention > '00:00:00'::interval)),
    CONSTRAINT partition_policies_step_is_known CHECK ((step = ANY (ARRAY['month'::text, 'year'::text])))
);


ALTER TABLE relaypg.partition_policies OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE partition_policies; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.partition_policies IS 'Partitioned tables kept by api.maintain_partitions: partition size, retention (null = forever), partitions made ahead.';


--
-- Name: purged_api_keys; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.purged_api_keys (
    id uuid NOT NULL,
    purged_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE relaypg.purged_api_keys OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE purged_api_keys; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.purged_api_keys IS 'Tombstones of permanently deleted keys (the CRS importer refuses these ids).';


--
-- Name: scheduled_jobs; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.scheduled_jobs (
    name text NOT NULL,
    database_name text DEFAULT current_database() NOT NULL,
    schedule text NOT NULL,
    scheduled_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE relaypg.scheduled_jobs OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE scheduled_jobs; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.scheduled_jobs IS 'Jobs pg_cron runs for this database, recorded by the after-migration setup.';


--
-- Name: sticky_sessions; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.sticky_sessions (
    platform text NOT NULL,
    session_hash text NOT NULL,
    account_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    CONSTRAINT sticky_sessions_session_hash_is_sane CHECK (((char_length(session_hash) >= 1) AND (char_length(session_hash) <= 128)))
);


ALTER TABLE relaypg.sticky_sessions OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE sticky_sessions; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.sticky_sessions IS 'Sticky session -> account mappings with their expiry (CRS unified_*_session_mapping:{hash}).';


--
-- Name: usage_events; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.usage_events (
    request_id text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    recorded_xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    api_key_id uuid NOT NULL,
    account_id uuid,
    account_kind text,
    requested_model text NOT NULL,
    model text NOT NULL,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    cache_create_tokens bigint NOT NULL,
    cache_create_5m_tokens bigint NOT NULL,
    cache_create_1h_tokens bigint NOT NULL,
    cache_read_tokens bigint NOT NULL,
    long_context boolean NOT NULL,
    stream boolean,
    status integer DEFAULT 200 NOT NULL,
    duration_ms integer,
    cost_path text NOT NULL,
    price_key text,
    cost_input numeric NOT NULL,
    cost_output numeric NOT NULL,
    cost_cache_create numeric NOT NULL,
    cost_cache_read numeric NOT NULL,
    cost_total numeric NOT NULL,
    opus_cost numeric NOT NULL,
    CONSTRAINT usage_events_cache_split_fits CHECK (((cache_create_5m_tokens + cache_create_1h_tokens) <= cache_create_tokens)),
    CONSTRAINT usage_events_cost_path_is_known CHECK ((cost_path = ANY (ARRAY['details'::text, 'plain'::text]))),
    CONSTRAINT usage_events_request_id_is_sane CHECK (((char_length(request_id) >= 1) AND (char_length(request_id) <= 128))),
    CONSTRAINT usage_events_tokens_are_non_negative CHECK ((LEAST(input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens, cache_read_tokens) >= 0))
)
PARTITION BY RANGE (occurred_at);


ALTER TABLE relaypg.usage_events OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE usage_events; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.usage_events IS 'One row per relayed request (append-only), monthly partitions on occurred_at; see relaypg.partition_policies.';


--
-- Name: usage_events_default; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.usage_events_default (
    request_id text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    recorded_xid xid8 DEFAULT pg_current_xact_id() NOT NULL,
    api_key_id uuid NOT NULL,
    account_id uuid,
    account_kind text,
    requested_model text NOT NULL,
    model text NOT NULL,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    cache_create_tokens bigint NOT NULL,
    cache_create_5m_tokens bigint NOT NULL,
    cache_create_1h_tokens bigint NOT NULL,
    cache_read_tokens bigint NOT NULL,
    long_context boolean NOT NULL,
    stream boolean,
    status integer DEFAULT 200 NOT NULL,
    duration_ms integer,
    cost_path text NOT NULL,
    price_key text,
    cost_input numeric NOT NULL,
    cost_output numeric NOT NULL,
    cost_cache_create numeric NOT NULL,
    cost_cache_read numeric NOT NULL,
    cost_total numeric NOT NULL,
    opus_cost numeric NOT NULL,
    CONSTRAINT usage_events_cache_split_fits CHECK (((cache_create_5m_tokens + cache_create_1h_tokens) <= cache_create_tokens)),
    CONSTRAINT usage_events_cost_path_is_known CHECK ((cost_path = ANY (ARRAY['details'::text, 'plain'::text]))),
    CONSTRAINT usage_events_request_id_is_sane CHECK (((char_length(request_id) >= 1) AND (char_length(request_id) <= 128))),
    CONSTRAINT usage_events_tokens_are_non_negative CHECK ((LEAST(input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens, cache_read_tokens) >= 0))
);


ALTER TABLE relaypg.usage_events_default OWNER TO :DATABASE_OWNER;

--
-- Name: usage_rollup_watermark; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.usage_rollup_watermark (
    singleton boolean DEFAULT true NOT NULL,
    snapshot pg_snapshot NOT NULL,
    cluster_id bigint DEFAULT (pg_control_system()).system_identifier NOT NULL,
    rolled_at timestamp with time zone,
    CONSTRAINT usage_rollup_watermark_is_one_row CHECK (singleton)
);


ALTER TABLE relaypg.usage_rollup_watermark OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE usage_rollup_watermark; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.usage_rollup_watermark IS 'The snapshot of the last roll-up: exactly the events of the transactions committed in it are counted in the rollups.';


--
-- Name: usage_rollups_daily; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.usage_rollups_daily (
    bucket date NOT NULL,
    scope text NOT NULL,
    scope_id text NOT NULL,
    model text NOT NULL,
    requests bigint NOT NULL,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    cache_create_tokens bigint NOT NULL,
    cache_create_5m_tokens bigint NOT NULL,
    cache_create_1h_tokens bigint NOT NULL,
    cache_read_tokens bigint NOT NULL,
    long_context_requests bigint NOT NULL,
    cost numeric NOT NULL,
    CONSTRAINT usage_rollups_daily_scope_is_known CHECK ((scope = ANY (ARRAY['key'::text, 'account'::text, 'all'::text])))
)
PARTITION BY RANGE (bucket);


ALTER TABLE relaypg.usage_rollups_daily OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE usage_rollups_daily; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.usage_rollups_daily IS 'Usage by local day (usage time zone), scope and model; yearly partitions.';


--
-- Name: usage_rollups_daily_default; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.usage_rollups_daily_default (
    bucket date NOT NULL,
    scope text NOT NULL,
    scope_id text NOT NULL,
    model text NOT NULL,
    requests bigint NOT NULL,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    cache_create_tokens bigint NOT NULL,
    cache_create_5m_tokens bigint NOT NULL,
    cache_create_1h_tokens bigint NOT NULL,
    cache_read_tokens bigint NOT NULL,
    long_context_requests bigint NOT NULL,
    cost numeric NOT NULL,
    CONSTRAINT usage_rollups_daily_scope_is_known CHECK ((scope = ANY (ARRAY['key'::text, 'account'::text, 'all'::text])))
);


ALTER TABLE relaypg.usage_rollups_daily_default OWNER TO :DATABASE_OWNER;

--
-- Name: usage_rollups_hourly; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.usage_rollups_hourly (
    bucket timestamp with time zone NOT NULL,
    scope text NOT NULL,
    scope_id text NOT NULL,
    model text NOT NULL,
    requests bigint NOT NULL,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    cache_create_tokens bigint NOT NULL,
    cache_create_5m_tokens bigint NOT NULL,
    cache_create_1h_tokens bigint NOT NULL,
    cache_read_tokens bigint NOT NULL,
    long_context_requests bigint NOT NULL,
    cost numeric NOT NULL,
    CONSTRAINT usage_rollups_hourly_scope_is_known CHECK ((scope = ANY (ARRAY['key'::text, 'account'::text, 'all'::text])))
)
PARTITION BY RANGE (bucket);


ALTER TABLE relaypg.usage_rollups_hourly OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE usage_rollups_hourly; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.usage_rollups_hourly IS 'Usage by UTC hour, scope (key / account / all) and model; monthly partitions.';


--
-- Name: usage_rollups_hourly_default; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.usage_rollups_hourly_default (
    bucket timestamp with time zone NOT NULL,
    scope text NOT NULL,
    scope_id text NOT NULL,
    model text NOT NULL,
    requests bigint NOT NULL,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    cache_create_tokens bigint NOT NULL,
    cache_create_5m_tokens bigint NOT NULL,
    cache_create_1h_tokens bigint NOT NULL,
    cache_read_tokens bigint NOT NULL,
    long_context_requests bigint NOT NULL,
    cost numeric NOT NULL,
    CONSTRAINT usage_rollups_hourly_scope_is_known CHECK ((scope = ANY (ARRAY['key'::text, 'account'::text, 'all'::text])))
);


ALTER TABLE relaypg.usage_rollups_hourly_default OWNER TO :DATABASE_OWNER;

--
-- Name: usage_rollups_monthly; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.usage_rollups_monthly (
    bucket date NOT NULL,
    scope text NOT NULL,
    scope_id text NOT NULL,
    model text NOT NULL,
    requests bigint NOT NULL,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    cache_create_tokens bigint NOT NULL,
    cache_create_5m_tokens bigint NOT NULL,
    cache_create_1h_tokens bigint NOT NULL,
    cache_read_tokens bigint NOT NULL,
    long_context_requests bigint NOT NULL,
    cost numeric NOT NULL,
    CONSTRAINT usage_rollups_daily_scope_is_known CHECK ((scope = ANY (ARRAY['key'::text, 'account'::text, 'all'::text])))
)
PARTITION BY RANGE (bucket);


ALTER TABLE relaypg.usage_rollups_monthly OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE usage_rollups_monthly; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.usage_rollups_monthly IS 'Usage by local month (its first day; usage time zone), scope and model; yearly partitions.';


--
-- Name: usage_rollups_monthly_default; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.usage_rollups_monthly_default (
    bucket date NOT NULL,
    scope text NOT NULL,
    scope_id text NOT NULL,
    model text NOT NULL,
    requests bigint NOT NULL,
    input_tokens bigint NOT NULL,
    output_tokens bigint NOT NULL,
    cache_create_tokens bigint NOT NULL,
    cache_create_5m_tokens bigint NOT NULL,
    cache_create_1h_tokens bigint NOT NULL,
    cache_read_tokens bigint NOT NULL,
    long_context_requests bigint NOT NULL,
    cost numeric NOT NULL,
    CONSTRAINT usage_rollups_daily_scope_is_known CHECK ((scope = ANY (ARRAY['key'::text, 'account'::text, 'all'::text])))
);


ALTER TABLE relaypg.usage_rollups_monthly_default OWNER TO :DATABASE_OWNER;

--
-- Name: users; Type: TABLE; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TABLE relaypg.users (
    id text NOT NULL,
    username text NOT NULL,
    email text,
    display_name text,
    first_name text,
    last_name text,
    role text DEFAULT 'user'::text NOT NULL,
    is_active boolean DEFAULT true NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    last_login_at timestamp with time zone,
    crs_extra jsonb DEFAULT '{}'::jsonb NOT NULL,
    CONSTRAINT users_crs_extra_is_an_object CHECK ((jsonb_typeof(crs_extra) = 'object'::text)),
    CONSTRAINT users_id_is_not_blank CHECK ((btrim(id) <> ''::text)),
    CONSTRAINT users_role_is_known CHECK ((role = ANY (ARRAY['user'::text, 'admin'::text]))),
    CONSTRAINT users_username_is_not_blank CHECK ((btrim(username) <> ''::text))
);


ALTER TABLE relaypg.users OWNER TO :DATABASE_OWNER;

--
-- Name: TABLE users; Type: COMMENT; Schema: relaypg; Owner: :DATABASE_OWNER
--

COMMENT ON TABLE relaypg.users IS 'Owners of API keys (CRS user:{id}). Private: reached through api.* functions.';


--
-- Name: usage_events_default; Type: TABLE ATTACH; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.usage_events ATTACH PARTITION relaypg.usage_events_default DEFAULT;


--
-- Name: usage_rollups_daily_default; Type: TABLE ATTACH; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.usage_rollups_daily ATTACH PARTITION relaypg.usage_rollups_daily_default DEFAULT;


--
-- Name: usage_rollups_hourly_default; Type: TABLE ATTACH; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.usage_rollups_hourly ATTACH PARTITION relaypg.usage_rollups_hourly_default DEFAULT;


--
-- Name: usage_rollups_monthly_default; Type: TABLE ATTACH; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.usage_rollups_monthly ATTACH PARTITION relaypg.usage_rollups_monthly_default DEFAULT;


--
-- Name: account_group_members account_group_members_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.account_group_members
    ADD CONSTRAINT account_group_members_pkey PRIMARY KEY (group_id, account_id);


--
-- Name: account_groups account_groups_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.account_groups
    ADD CONSTRAINT account_groups_pkey PRIMARY KEY (id);


--
-- Name: accounts accounts_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);


--
-- Name: api_key_daily_usage api_key_daily_usage_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.api_key_daily_usage
    ADD CONSTRAINT api_key_daily_usage_pkey PRIMARY KEY (api_key_id, day);


--
-- Name: api_key_usage api_key_usage_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.api_key_usage
    ADD CONSTRAINT api_key_usage_pkey PRIMARY KEY (api_key_id);


--
-- Name: api_keys api_keys_digest_is_unique; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.api_keys
    ADD CONSTRAINT api_keys_digest_is_unique UNIQUE (digest);


--
-- Name: api_keys api_keys_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (id);


--
-- Name: client_kinds client_kinds_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.client_kinds
    ADD CONSTRAINT client_kinds_pkey PRIMARY KEY (id);


--
-- Name: concurrency_leases concurrency_leases_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.concurrency_leases
    ADD CONSTRAINT concurrency_leases_pkey PRIMARY KEY (request_id);


--
-- Name: crs_lifetime_baselines crs_lifetime_baselines_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.crs_lifetime_baselines
    ADD CONSTRAINT crs_lifetime_baselines_pkey PRIMARY KEY (scope, scope_id, part);


--
-- Name: crs_usage_imports crs_usage_imports_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.crs_usage_imports
    ADD CONSTRAINT crs_usage_imports_pkey PRIMARY KEY (redis_key);


--
-- Name: deleted_accounts deleted_accounts_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.deleted_accounts
    ADD CONSTRAINT deleted_accounts_pkey PRIMARY KEY (id);


--
-- Name: model_price_keys model_price_keys_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.model_price_keys
    ADD CONSTRAINT model_price_keys_pkey PRIMARY KEY (model);


--
-- Name: model_prices model_prices_file_position_key; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.model_prices
    ADD CONSTRAINT model_prices_file_position_key UNIQUE (file_position);


--
-- Name: model_prices model_prices_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.model_prices
    ADD CONSTRAINT model_prices_pkey PRIMARY KEY (model);


--
-- Name: oauth_sessions oauth_sessions_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.oauth_sessions
    ADD CONSTRAINT oauth_sessions_pkey PRIMARY KEY (id);


--
-- Name: partition_policies partition_policies_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.partition_policies
    ADD CONSTRAINT partition_policies_pkey PRIMARY KEY (table_name);


--
-- Name: purged_api_keys purged_api_keys_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.purged_api_keys
    ADD CONSTRAINT purged_api_keys_pkey PRIMARY KEY (id);


--
-- Name: scheduled_jobs scheduled_jobs_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.scheduled_jobs
    ADD CONSTRAINT scheduled_jobs_pkey PRIMARY KEY (name);


--
-- Name: sticky_sessions sticky_sessions_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.sticky_sessions
    ADD CONSTRAINT sticky_sessions_pkey PRIMARY KEY (platform, session_hash);


--
-- Name: usage_rollup_watermark usage_rollup_watermark_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.usage_rollup_watermark
    ADD CONSTRAINT usage_rollup_watermark_pkey PRIMARY KEY (singleton);


--
-- Name: usage_rollups_daily usage_rollups_daily_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.usage_rollups_daily
    ADD CONSTRAINT usage_rollups_daily_pkey PRIMARY KEY (scope, scope_id, bucket, model);


--
-- Name: usage_rollups_daily_default usage_rollups_daily_default_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.usage_rollups_daily_default
    ADD CONSTRAINT usage_rollups_daily_default_pkey PRIMARY KEY (scope, scope_id, bucket, model);


--
-- Name: usage_rollups_hourly usage_rollups_hourly_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.usage_rollups_hourly
    ADD CONSTRAINT usage_rollups_hourly_pkey PRIMARY KEY (scope, scope_id, bucket, model);


--
-- Name: usage_rollups_hourly_default usage_rollups_hourly_default_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.usage_rollups_hourly_default
    ADD CONSTRAINT usage_rollups_hourly_default_pkey PRIMARY KEY (scope, scope_id, bucket, model);


--
-- Name: usage_rollups_monthly usage_rollups_monthly_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.usage_rollups_monthly
    ADD CONSTRAINT usage_rollups_monthly_pkey PRIMARY KEY (scope, scope_id, bucket, model);


--
-- Name: usage_rollups_monthly_default usage_rollups_monthly_default_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.usage_rollups_monthly_default
    ADD CONSTRAINT usage_rollups_monthly_default_pkey PRIMARY KEY (scope, scope_id, bucket, model);


--
-- Name: usage_settings usage_settings_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.usage_settings
    ADD CONSTRAINT usage_settings_pkey PRIMARY KEY (singleton);


--
-- Name: users users_pkey; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.users
    ADD CONSTRAINT users_pkey PRIMARY KEY (id);


--
-- Name: users users_username_is_unique; Type: CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.users
    ADD CONSTRAINT users_username_is_unique UNIQUE (username);


--
-- Name: account_group_members_account_id_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX account_group_members_account_id_idx ON relaypg.account_group_members USING btree (account_id);


--
-- Name: accounts_kind_priority_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX accounts_kind_priority_idx ON relaypg.accounts USING btree (kind, priority) WHERE (is_active AND (NOT is_paused));


--
-- Name: api_keys_created_at_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX api_keys_created_at_idx ON relaypg.api_keys USING btree (created_at DESC, id DESC);


--
-- Name: api_keys_owner_user_id_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX api_keys_owner_user_id_idx ON relaypg.api_keys USING btree (owner_user_id) WHERE (owner_user_id IS NOT NULL);


--
-- Name: api_keys_tags_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX api_keys_tags_idx ON relaypg.api_keys USING gin (tags);


--
-- Name: concurrency_leases_api_key_id_expires_at_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX concurrency_leases_api_key_id_expires_at_idx ON relaypg.concurrency_leases USING btree (api_key_id, expires_at);


--
-- Name: concurrency_leases_expires_at_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX concurrency_leases_expires_at_idx ON relaypg.concurrency_leases USING btree (expires_at);


--
-- Name: oauth_sessions_expires_at_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX oauth_sessions_expires_at_idx ON relaypg.oauth_sessions USING btree (expires_at);


--
-- Name: sticky_sessions_account_id_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX sticky_sessions_account_id_idx ON relaypg.sticky_sessions USING btree (account_id);


--
-- Name: sticky_sessions_expires_at_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX sticky_sessions_expires_at_idx ON relaypg.sticky_sessions USING btree (expires_at);


--
-- Name: usage_events_api_key_id_occurred_at_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX usage_events_api_key_id_occurred_at_idx ON ONLY relaypg.usage_events USING btree (api_key_id, occurred_at);


--
-- Name: usage_events_default_api_key_id_occurred_at_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX usage_events_default_api_key_id_occurred_at_idx ON relaypg.usage_events_default USING btree (api_key_id, occurred_at);


--
-- Name: usage_events_occurred_at_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX usage_events_occurred_at_idx ON ONLY relaypg.usage_events USING brin (occurred_at);


--
-- Name: usage_events_default_occurred_at_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX usage_events_default_occurred_at_idx ON relaypg.usage_events_default USING brin (occurred_at);


--
-- Name: usage_events_recorded_xid_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX usage_events_recorded_xid_idx ON ONLY relaypg.usage_events USING btree (recorded_xid);


--
-- Name: usage_events_default_recorded_xid_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX usage_events_default_recorded_xid_idx ON relaypg.usage_events_default USING btree (recorded_xid);


--
-- Name: usage_events_request_id_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX usage_events_request_id_idx ON ONLY relaypg.usage_events USING btree (request_id);


--
-- Name: usage_events_default_request_id_idx; Type: INDEX; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE INDEX usage_events_default_request_id_idx ON relaypg.usage_events_default USING btree (request_id);


--
-- Name: usage_events_default_api_key_id_occurred_at_idx; Type: INDEX ATTACH; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER INDEX relaypg.usage_events_api_key_id_occurred_at_idx ATTACH PARTITION relaypg.usage_events_default_api_key_id_occurred_at_idx;


--
-- Name: usage_events_default_occurred_at_idx; Type: INDEX ATTACH; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER INDEX relaypg.usage_events_occurred_at_idx ATTACH PARTITION relaypg.usage_events_default_occurred_at_idx;


--
-- Name: usage_events_default_recorded_xid_idx; Type: INDEX ATTACH; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER INDEX relaypg.usage_events_recorded_xid_idx ATTACH PARTITION relaypg.usage_events_default_recorded_xid_idx;


--
-- Name: usage_events_default_request_id_idx; Type: INDEX ATTACH; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER INDEX relaypg.usage_events_request_id_idx ATTACH PARTITION relaypg.usage_events_default_request_id_idx;


--
-- Name: usage_rollups_daily_default_pkey; Type: INDEX ATTACH; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER INDEX relaypg.usage_rollups_daily_pkey ATTACH PARTITION relaypg.usage_rollups_daily_default_pkey;


--
-- Name: usage_rollups_hourly_default_pkey; Type: INDEX ATTACH; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER INDEX relaypg.usage_rollups_hourly_pkey ATTACH PARTITION relaypg.usage_rollups_hourly_default_pkey;


--
-- Name: usage_rollups_monthly_default_pkey; Type: INDEX ATTACH; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER INDEX relaypg.usage_rollups_monthly_pkey ATTACH PARTITION relaypg.usage_rollups_monthly_default_pkey;


--
-- Name: api_keys _100_bump_auth_version; Type: TRIGGER; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TRIGGER _100_bump_auth_version BEFORE UPDATE ON relaypg.api_keys FOR EACH ROW EXECUTE FUNCTION relaypg.api_keys_bump_auth_version();


--
-- Name: accounts _100_bump_version; Type: TRIGGER; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TRIGGER _100_bump_version BEFORE UPDATE OF kind, platform, name, description, priority, is_active, is_paused, account_type, model_mapping, subscription_plan, auto_stop_on_warning, rate_limit_minutes, daily_quota, quota_reset_time, options, proxy, secrets, secrets_key_version, secret_names, rate_limited_at, rate_limited_until, overloaded_until, temp_error_until, blocked_reason, blocked_at, error_message, token_expires_at, last_refresh_at, refresh_failed_at, refresh_retry_at, session_window_status, five_hour_stopped_at, five_hour_stopped_until, quota_stopped_at, quota_stopped_until, created_at, crs_extra ON relaypg.accounts FOR EACH ROW EXECUTE FUNCTION relaypg.accounts_bump_version();


--
-- Name: account_group_members _900_notify_change; Type: TRIGGER; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TRIGGER _900_notify_change AFTER INSERT OR DELETE ON relaypg.account_group_members FOR EACH ROW EXECUTE FUNCTION relaypg.account_group_members_notify_change();


--
-- Name: accounts _900_notify_change; Type: TRIGGER; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TRIGGER _900_notify_change AFTER UPDATE ON relaypg.accounts FOR EACH ROW WHEN ((new.version <> old.version)) EXECUTE FUNCTION relaypg.accounts_notify_change();


--
-- Name: api_keys _900_notify_change; Type: TRIGGER; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TRIGGER _900_notify_change AFTER DELETE OR UPDATE ON relaypg.api_keys FOR EACH ROW EXECUTE FUNCTION relaypg.api_keys_notify_change();


--
-- Name: users _900_propagate_activity; Type: TRIGGER; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TRIGGER _900_propagate_activity AFTER UPDATE OF is_active ON relaypg.users FOR EACH ROW EXECUTE FUNCTION relaypg.users_propagate_activity();


--
-- Name: accounts _901_notify_delete; Type: TRIGGER; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TRIGGER _901_notify_delete AFTER DELETE ON relaypg.accounts FOR EACH ROW EXECUTE FUNCTION relaypg.accounts_notify_change();


--
-- Name: model_prices model_prices_forget_price_keys; Type: TRIGGER; Schema: relaypg; Owner: :DATABASE_OWNER
--

CREATE TRIGGER model_prices_forget_price_keys AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON relaypg.model_prices FOR EACH STATEMENT EXECUTE FUNCTION relaypg.forget_price_keys();


--
-- Name: account_group_members account_group_members_account_id_fkey; Type: FK CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.account_group_members
    ADD CONSTRAINT account_group_members_account_id_fkey FOREIGN KEY (account_id) REFERENCES relaypg.accounts(id) ON DELETE CASCADE;


--
-- Name: account_group_members account_group_members_group_id_fkey; Type: FK CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.account_group_members
    ADD CONSTRAINT account_group_members_group_id_fkey FOREIGN KEY (group_id) REFERENCES relaypg.account_groups(id) ON DELETE CASCADE;


--
-- Name: api_keys api_keys_owner_user_id_fkey; Type: FK CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.api_keys
    ADD CONSTRAINT api_keys_owner_user_id_fkey FOREIGN KEY (owner_user_id) REFERENCES relaypg.users(id) ON UPDATE CASCADE ON DELETE RESTRICT;


--
-- Name: sticky_sessions sticky_sessions_account_id_fkey; Type: FK CONSTRAINT; Schema: relaypg; Owner: :DATABASE_OWNER
--

ALTER TABLE ONLY relaypg.sticky_sessions
    ADD CONSTRAINT sticky_sessions_account_id_fkey FOREIGN KEY (account_id) REFERENCES relaypg.accounts(id) ON DELETE CASCADE;


--
-- Name: SCHEMA api; Type: ACL; Schema: -; Owner: :DATABASE_OWNER
--

GRANT USAGE ON SCHEMA api TO :DATABASE_APP_USER;


--
-- Name: FUNCTION account_credentials(p_id uuid, p_keyring jsonb); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.account_credentials(p_id uuid, p_keyring jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.account_credentials(p_id uuid, p_keyring jsonb) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION account_secret_versions(); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.account_secret_versions() FROM PUBLIC;
GRANT ALL ON FUNCTION api.account_secret_versions() TO :DATABASE_APP_USER;


--
-- Name: FUNCTION admit_request(p_api_key_id uuid, p_auth_version bigint, p_request_id text, p_platform text, p_model text, p_session_hash text, p_select boolean, p_lease_ttl interval, p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.admit_request(p_api_key_id uuid, p_auth_version bigint, p_request_id text, p_platform text, p_model text, p_session_hash text, p_select boolean, p_lease_ttl interval, p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.admit_request(p_api_key_id uuid, p_auth_version bigint, p_request_id text, p_platform text, p_model text, p_session_hash text, p_select boolean, p_lease_ttl interval, p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION authenticate_api_key(p_digest bytea, p_crs_digest bytea, p_platform text, p_model text, p_client text, p_digest_scheme text, p_previous_digests bytea[], p_previous_schemes text[]); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.authenticate_api_key(p_digest bytea, p_crs_digest bytea, p_platform text, p_model text, p_client text, p_digest_scheme text, p_previous_digests bytea[], p_previous_schemes text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION api.authenticate_api_key(p_digest bytea, p_crs_digest bytea, p_platform text, p_model text, p_client text, p_digest_scheme text, p_previous_digests bytea[], p_previous_schemes text[]) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION authenticate_api_keys(p_digests bytea[], p_crs_digests bytea[], p_platforms text[], p_models text[], p_clients text[], p_digest_scheme text, p_previous_digests bytea[], p_previous_schemes text[]); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.authenticate_api_keys(p_digests bytea[], p_crs_digests bytea[], p_platforms text[], p_models text[], p_clients text[], p_digest_scheme text, p_previous_digests bytea[], p_previous_schemes text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION api.authenticate_api_keys(p_digests bytea[], p_crs_digests bytea[], p_platforms text[], p_models text[], p_clients text[], p_digest_scheme text, p_previous_digests bytea[], p_previous_schemes text[]) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION check_crs_api_key_index(p_hash_map jsonb); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.check_crs_api_key_index(p_hash_map jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.check_crs_api_key_index(p_hash_map jsonb) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION count_accounts(p_platform text, p_kind text, p_group_id uuid); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.count_accounts(p_platform text, p_kind text, p_group_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.count_accounts(p_platform text, p_kind text, p_group_id uuid) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION count_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.count_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.count_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION create_account(p_kind text, p_settings jsonb, p_secrets jsonb, p_keyring jsonb); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.create_account(p_kind text, p_settings jsonb, p_secrets jsonb, p_keyring jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.create_account(p_kind text, p_settings jsonb, p_secrets jsonb, p_keyring jsonb) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION create_account_group(p_settings jsonb); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.create_account_group(p_settings jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.create_account_group(p_settings jsonb) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION create_api_key(p_digest bytea, p_digest_scheme text, p_settings jsonb); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.create_api_key(p_digest bytea, p_digest_scheme text, p_settings jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.create_api_key(p_digest bytea, p_digest_scheme text, p_settings jsonb) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION create_oauth_session(p_platform text, p_flow text, p_state text, p_code_verifier text, p_code_challenge text, p_proxy jsonb, p_details jsonb, p_keyring jsonb, p_ttl interval); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.create_oauth_session(p_platform text, p_flow text, p_state text, p_code_verifier text, p_code_challenge text, p_proxy jsonb, p_details jsonb, p_keyring jsonb, p_ttl interval) FROM PUBLIC;
GRANT ALL ON FUNCTION api.create_oauth_session(p_platform text, p_flow text, p_state text, p_code_verifier text, p_code_challenge text, p_proxy jsonb, p_details jsonb, p_keyring jsonb, p_ttl interval) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION dashboard_counts(p_at timestamp with time zone); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.dashboard_counts(p_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION api.dashboard_counts(p_at timestamp with time zone) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION delete_account(p_id uuid, p_unbind_keys boolean); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.delete_account(p_id uuid, p_unbind_keys boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.delete_account(p_id uuid, p_unbind_keys boolean) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION delete_account_group(p_id uuid, p_unbind_keys boolean); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.delete_account_group(p_id uuid, p_unbind_keys boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.delete_account_group(p_id uuid, p_unbind_keys boolean) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION delete_api_key(p_id uuid, p_deleted_by text, p_deleted_by_type text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.delete_api_key(p_id uuid, p_deleted_by text, p_deleted_by_type text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.delete_api_key(p_id uuid, p_deleted_by text, p_deleted_by_type text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION get_account(p_id uuid); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.get_account(p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.get_account(p_id uuid) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION get_account_group(p_id uuid); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.get_account_group(p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.get_account_group(p_id uuid) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION get_api_key(p_id uuid); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.get_api_key(p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.get_api_key(p_id uuid) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION import_crs_account(p_redis_key text, p_kind text, p_fields jsonb, p_secrets jsonb, p_keyring jsonb, p_time_zone text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.import_crs_account(p_redis_key text, p_kind text, p_fields jsonb, p_secrets jsonb, p_keyring jsonb, p_time_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.import_crs_account(p_redis_key text, p_kind text, p_fields jsonb, p_secrets jsonb, p_keyring jsonb, p_time_zone text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION import_crs_account_group(p_redis_key text, p_fields jsonb, p_member_ids text[]); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.import_crs_account_group(p_redis_key text, p_fields jsonb, p_member_ids text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION api.import_crs_account_group(p_redis_key text, p_fields jsonb, p_member_ids text[]) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION import_crs_api_key(p_redis_key text, p_fields jsonb, p_in_hash_map boolean); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.import_crs_api_key(p_redis_key text, p_fields jsonb, p_in_hash_map boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.import_crs_api_key(p_redis_key text, p_fields jsonb, p_in_hash_map boolean) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION import_crs_oauth_session(p_redis_key text, p_fields jsonb, p_ttl_seconds integer, p_keyring jsonb); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.import_crs_oauth_session(p_redis_key text, p_fields jsonb, p_ttl_seconds integer, p_keyring jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.import_crs_oauth_session(p_redis_key text, p_fields jsonb, p_ttl_seconds integer, p_keyring jsonb) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION import_crs_sticky_session(p_platform text, p_session_hash text, p_account_id text, p_ttl_seconds integer); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.import_crs_sticky_session(p_platform text, p_session_hash text, p_account_id text, p_ttl_seconds integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.import_crs_sticky_session(p_platform text, p_session_hash text, p_account_id text, p_ttl_seconds integer) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION import_crs_usage(p_redis_key text, p_value jsonb, p_cut_off timestamp with time zone); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.import_crs_usage(p_redis_key text, p_value jsonb, p_cut_off timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION api.import_crs_usage(p_redis_key text, p_value jsonb, p_cut_off timestamp with time zone) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION import_crs_user(p_redis_key text, p_document jsonb); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.import_crs_user(p_redis_key text, p_document jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.import_crs_user(p_redis_key text, p_document jsonb) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION key_usage(p_key_id uuid, p_at timestamp with time zone); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.key_usage(p_key_id uuid, p_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION api.key_usage(p_key_id uuid, p_at timestamp with time zone) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION list_account_groups(p_platform text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.list_account_groups(p_platform text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.list_account_groups(p_platform text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION list_accounts(p_platform text, p_kind text, p_group_id uuid, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.list_accounts(p_platform text, p_kind text, p_group_id uuid, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.list_accounts(p_platform text, p_kind text, p_group_id uuid, p_limit integer, p_offset integer) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION list_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text, p_limit integer, p_offset integer); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.list_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text, p_limit integer, p_offset integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.list_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text, p_limit integer, p_offset integer) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION list_client_kinds(); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.list_client_kinds() FROM PUBLIC;
GRANT ALL ON FUNCTION api.list_client_kinds() TO :DATABASE_APP_USER;


--
-- Name: FUNCTION list_crs_import_notes(p_key_ids uuid[]); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.list_crs_import_notes(p_key_ids uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION api.list_crs_import_notes(p_key_ids uuid[]) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION list_dangling_key_bindings(); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.list_dangling_key_bindings() FROM PUBLIC;
GRANT ALL ON FUNCTION api.list_dangling_key_bindings() TO :DATABASE_APP_USER;


--
-- Name: FUNCTION list_partition_policies(); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.list_partition_policies() FROM PUBLIC;
GRANT ALL ON FUNCTION api.list_partition_policies() TO :DATABASE_APP_USER;


--
-- Name: FUNCTION list_scheduled_jobs(); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.list_scheduled_jobs() FROM PUBLIC;
GRANT ALL ON FUNCTION api.list_scheduled_jobs() TO :DATABASE_APP_USER;


--
-- Name: FUNCTION load_model_prices(p_document json, p_source text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.load_model_prices(p_document json, p_source text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.load_model_prices(p_document json, p_source text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION maintain_partitions(p_now timestamp with time zone, p_from timestamp with time zone); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.maintain_partitions(p_now timestamp with time zone, p_from timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION api.maintain_partitions(p_now timestamp with time zone, p_from timestamp with time zone) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION mark_account_blocked(p_id uuid, p_reason text, p_message text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.mark_account_blocked(p_id uuid, p_reason text, p_message text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.mark_account_blocked(p_id uuid, p_reason text, p_message text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION mark_account_overloaded(p_id uuid, p_minutes integer); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.mark_account_overloaded(p_id uuid, p_minutes integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.mark_account_overloaded(p_id uuid, p_minutes integer) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION mark_account_quota_exceeded(p_id uuid, p_time_zone text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.mark_account_quota_exceeded(p_id uuid, p_time_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.mark_account_quota_exceeded(p_id uuid, p_time_zone text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION mark_account_rate_limited(p_id uuid, p_reset_at timestamp with time zone); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.mark_account_rate_limited(p_id uuid, p_reset_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION api.mark_account_rate_limited(p_id uuid, p_reset_at timestamp with time zone) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION migration_status(); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.migration_status() FROM PUBLIC;
GRANT ALL ON FUNCTION api.migration_status() TO :DATABASE_APP_USER;


--
-- Name: FUNCTION pause_account(p_id uuid); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.pause_account(p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.pause_account(p_id uuid) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION price_request(p_model text, p_input bigint, p_output bigint, p_cache_creation bigint, p_cache_5m bigint, p_cache_1h bigint, p_cache_read bigint, p_cache_split boolean, p_path text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.price_request(p_model text, p_input bigint, p_output bigint, p_cache_creation bigint, p_cache_5m bigint, p_cache_1h bigint, p_cache_read bigint, p_cache_split boolean, p_path text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.price_request(p_model text, p_input bigint, p_output bigint, p_cache_creation bigint, p_cache_5m bigint, p_cache_1h bigint, p_cache_read bigint, p_cache_split boolean, p_path text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION purge_api_key(p_id uuid); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.purge_api_key(p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.purge_api_key(p_id uuid) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION purge_expired_leases(); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.purge_expired_leases() FROM PUBLIC;
GRANT ALL ON FUNCTION api.purge_expired_leases() TO :DATABASE_APP_USER;


--
-- Name: FUNCTION purge_expired_sessions(p_before timestamp with time zone); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.purge_expired_sessions(p_before timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION api.purge_expired_sessions(p_before timestamp with time zone) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION recent_usage(p_minutes integer, p_at timestamp with time zone); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.recent_usage(p_minutes integer, p_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION api.recent_usage(p_minutes integer, p_at timestamp with time zone) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION record_account_server_error(p_id uuid, p_threshold integer, p_window interval, p_recovery interval); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.record_account_server_error(p_id uuid, p_threshold integer, p_window interval, p_recovery interval) FROM PUBLIC;
GRANT ALL ON FUNCTION api.record_account_server_error(p_id uuid, p_threshold integer, p_window interval, p_recovery interval) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION record_api_key_uses(p_key_ids uuid[], p_used_at timestamp with time zone[]); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.record_api_key_uses(p_key_ids uuid[], p_used_at timestamp with time zone[]) FROM PUBLIC;
GRANT ALL ON FUNCTION api.record_api_key_uses(p_key_ids uuid[], p_used_at timestamp with time zone[]) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION record_session_window(p_id uuid, p_status text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.record_session_window(p_id uuid, p_status text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.record_session_window(p_id uuid, p_status text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION record_token_refresh(p_id uuid, p_expires_at timestamp with time zone, p_tokens jsonb, p_keyring jsonb, p_subscription_plan text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.record_token_refresh(p_id uuid, p_expires_at timestamp with time zone, p_tokens jsonb, p_keyring jsonb, p_subscription_plan text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.record_token_refresh(p_id uuid, p_expires_at timestamp with time zone, p_tokens jsonb, p_keyring jsonb, p_subscription_plan text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION record_token_refresh_failure(p_id uuid, p_message text, p_retry_after interval); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.record_token_refresh_failure(p_id uuid, p_message text, p_retry_after interval) FROM PUBLIC;
GRANT ALL ON FUNCTION api.record_token_refresh_failure(p_id uuid, p_message text, p_retry_after interval) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION record_usage(p_events jsonb); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.record_usage(p_events jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.record_usage(p_events jsonb) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION regenerate_api_key(p_id uuid, p_digest bytea, p_digest_scheme text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.regenerate_api_key(p_id uuid, p_digest bytea, p_digest_scheme text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.regenerate_api_key(p_id uuid, p_digest bytea, p_digest_scheme text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION release_lease(p_request_id text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.release_lease(p_request_id text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.release_lease(p_request_id text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION reset_account_state(p_id uuid); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.reset_account_state(p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.reset_account_state(p_id uuid) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION restore_api_key(p_id uuid, p_restored_by text, p_restored_by_type text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.restore_api_key(p_id uuid, p_restored_by text, p_restored_by_type text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.restore_api_key(p_id uuid, p_restored_by text, p_restored_by_type text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION resume_account(p_id uuid); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.resume_account(p_id uuid) FROM PUBLIC;
GRANT ALL ON FUNCTION api.resume_account(p_id uuid) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION roll_up_usage(); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.roll_up_usage() FROM PUBLIC;
GRANT ALL ON FUNCTION api.roll_up_usage() TO :DATABASE_APP_USER;


--
-- Name: FUNCTION rotate_account_secrets(p_keyring jsonb, p_batch_size integer); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.rotate_account_secrets(p_keyring jsonb, p_batch_size integer) FROM PUBLIC;
GRANT ALL ON FUNCTION api.rotate_account_secrets(p_keyring jsonb, p_batch_size integer) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION run_maintenance(); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.run_maintenance() FROM PUBLIC;
GRANT ALL ON FUNCTION api.run_maintenance() TO :DATABASE_APP_USER;


--
-- Name: FUNCTION select_account(p_api_key_id uuid, p_platform text, p_model text, p_session_hash text, p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.select_account(p_api_key_id uuid, p_platform text, p_model text, p_session_hash text, p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.select_account(p_api_key_id uuid, p_platform text, p_model text, p_session_hash text, p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION select_accounts(p_api_key_ids uuid[], p_platforms text[], p_models text[], p_session_hashes text[], p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.select_accounts(p_api_key_ids uuid[], p_platforms text[], p_models text[], p_session_hashes text[], p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.select_accounts(p_api_key_ids uuid[], p_platforms text[], p_models text[], p_session_hashes text[], p_sticky_ttl interval, p_renewal_threshold interval, p_asynchronous_commit boolean) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION set_account_group_members(p_id uuid, p_account_ids uuid[]); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.set_account_group_members(p_id uuid, p_account_ids uuid[]) FROM PUBLIC;
GRANT ALL ON FUNCTION api.set_account_group_members(p_id uuid, p_account_ids uuid[]) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION set_partition_retention(p_table text, p_retention interval); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.set_partition_retention(p_table text, p_retention interval) FROM PUBLIC;
GRANT ALL ON FUNCTION api.set_partition_retention(p_table text, p_retention interval) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION set_usage_time_zone(p_time_zone text); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.set_usage_time_zone(p_time_zone text) FROM PUBLIC;
GRANT ALL ON FUNCTION api.set_usage_time_zone(p_time_zone text) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION set_user_active(p_user_id text, p_is_active boolean); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.set_user_active(p_user_id text, p_is_active boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION api.set_user_active(p_user_id text, p_is_active boolean) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION take_oauth_session(p_id uuid, p_keyring jsonb); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.take_oauth_session(p_id uuid, p_keyring jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.take_oauth_session(p_id uuid, p_keyring jsonb) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION update_account(p_id uuid, p_changes jsonb, p_secrets jsonb, p_keyring jsonb); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.update_account(p_id uuid, p_changes jsonb, p_secrets jsonb, p_keyring jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.update_account(p_id uuid, p_changes jsonb, p_secrets jsonb, p_keyring jsonb) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION update_account_group(p_id uuid, p_changes jsonb); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.update_account_group(p_id uuid, p_changes jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.update_account_group(p_id uuid, p_changes jsonb) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION update_api_key(p_id uuid, p_changes jsonb); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.update_api_key(p_id uuid, p_changes jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION api.update_api_key(p_id uuid, p_changes jsonb) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION usage_averages(p_scope text, p_scope_id text, p_at timestamp with time zone); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.usage_averages(p_scope text, p_scope_id text, p_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION api.usage_averages(p_scope text, p_scope_id text, p_at timestamp with time zone) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION usage_by_model(p_scope text, p_scope_id text, p_grain text, p_from date, p_to date); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.usage_by_model(p_scope text, p_scope_id text, p_grain text, p_from date, p_to date) FROM PUBLIC;
GRANT ALL ON FUNCTION api.usage_by_model(p_scope text, p_scope_id text, p_grain text, p_from date, p_to date) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION usage_totals(p_scope text, p_scope_id text, p_at timestamp with time zone); Type: ACL; Schema: api; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION api.usage_totals(p_scope text, p_scope_id text, p_at timestamp with time zone) FROM PUBLIC;
GRANT ALL ON FUNCTION api.usage_totals(p_scope text, p_scope_id text, p_at timestamp with time zone) TO :DATABASE_APP_USER;


--
-- Name: FUNCTION kind_platform(p_kind text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.kind_platform(p_kind text) FROM PUBLIC;


--
-- Name: FUNCTION account_can_serve(p_account relaypg.accounts, p_kinds text[], p_group_members uuid[], p_model text, p_at timestamp with time zone); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.account_can_serve(p_account relaypg.accounts, p_kinds text[], p_group_members uuid[], p_model text, p_at timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION account_group_members_notify_change(); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.account_group_members_notify_change() FROM PUBLIC;


--
-- Name: FUNCTION account_secret_names(p_kind text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.account_secret_names(p_kind text) FROM PUBLIC;


--
-- Name: FUNCTION account_unavailable_reason(p_account relaypg.accounts, p_at timestamp with time zone); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.account_unavailable_reason(p_account relaypg.accounts, p_at timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION account_upstream_model(p_account relaypg.accounts, p_model text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.account_upstream_model(p_account relaypg.accounts, p_model text) FROM PUBLIC;


--
-- Name: FUNCTION accounts_bump_version(); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.accounts_bump_version() FROM PUBLIC;


--
-- Name: FUNCTION accounts_notify_change(); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.accounts_notify_change() FROM PUBLIC;


--
-- Name: FUNCTION add_to_lifetime_baseline(p_item jsonb, p_part text, p_sign integer); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.add_to_lifetime_baseline(p_item jsonb, p_part text, p_sign integer) FROM PUBLIC;


--
-- Name: FUNCTION api_keys_bump_auth_version(); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.api_keys_bump_auth_version() FROM PUBLIC;


--
-- Name: FUNCTION api_keys_notify_change(); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.api_keys_notify_change() FROM PUBLIC;


--
-- Name: FUNCTION apply_account_group_settings(p_group relaypg.account_groups, p_settings jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.apply_account_group_settings(p_group relaypg.account_groups, p_settings jsonb) FROM PUBLIC;


--
-- Name: FUNCTION apply_account_secrets(p_account relaypg.accounts, p_proxy jsonb, p_changes jsonb, p_keyring jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.apply_account_secrets(p_account relaypg.accounts, p_proxy jsonb, p_changes jsonb, p_keyring jsonb) FROM PUBLIC;


--
-- Name: FUNCTION apply_account_settings(p_account relaypg.accounts, p_settings jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.apply_account_settings(p_account relaypg.accounts, p_settings jsonb) FROM PUBLIC;


--
-- Name: FUNCTION apply_api_key_settings(p_key relaypg.api_keys, p_settings jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.apply_api_key_settings(p_key relaypg.api_keys, p_settings jsonb) FROM PUBLIC;


--
-- Name: FUNCTION apply_usage_contribution(p_items jsonb, p_sign integer); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.apply_usage_contribution(p_items jsonb, p_sign integer) FROM PUBLIC;


--
-- Name: FUNCTION authenticated_key(p_key relaypg.api_keys); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.authenticated_key(p_key relaypg.api_keys) FROM PUBLIC;


--
-- Name: FUNCTION check_actor_type(p_field text, p_type text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.check_actor_type(p_field text, p_type text) FROM PUBLIC;


--
-- Name: FUNCTION check_digest(p_digest bytea, p_digest_scheme text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.check_digest(p_digest bytea, p_digest_scheme text) FROM PUBLIC;


--
-- Name: FUNCTION check_usage_events(p_events jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.check_usage_events(p_events jsonb) FROM PUBLIC;


--
-- Name: FUNCTION compute_model_rates(p_model text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.compute_model_rates(p_model text) FROM PUBLIC;


--
-- Name: FUNCTION create_partition(p_table text, p_from timestamp with time zone); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.create_partition(p_table text, p_from timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION crs_boolean(p_fields jsonb, p_field text, p_default boolean); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.crs_boolean(p_fields jsonb, p_field text, p_default boolean) FROM PUBLIC;


--
-- Name: FUNCTION crs_count(p_fields jsonb, p_field text, p_max bigint); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.crs_count(p_fields jsonb, p_field text, p_max bigint) FROM PUBLIC;


--
-- Name: FUNCTION crs_instant(p_fields jsonb, p_field text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.crs_instant(p_fields jsonb, p_field text) FROM PUBLIC;


--
-- Name: FUNCTION crs_model_mapping(p_fields jsonb, p_field text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.crs_model_mapping(p_fields jsonb, p_field text) FROM PUBLIC;


--
-- Name: FUNCTION crs_money(p_fields jsonb, p_field text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.crs_money(p_fields jsonb, p_field text) FROM PUBLIC;


--
-- Name: FUNCTION crs_subscription_plan(p_fields jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.crs_subscription_plan(p_fields jsonb) FROM PUBLIC;


--
-- Name: FUNCTION crs_text(p_fields jsonb, p_field text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.crs_text(p_fields jsonb, p_field text) FROM PUBLIC;


--
-- Name: FUNCTION crs_text_array(p_fields jsonb, p_field text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.crs_text_array(p_fields jsonb, p_field text) FROM PUBLIC;


--
-- Name: FUNCTION crs_timestamptz(p_fields jsonb, p_field text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.crs_timestamptz(p_fields jsonb, p_field text) FROM PUBLIC;


--
-- Name: FUNCTION crs_usage_contribution(p_redis_key text, p_value jsonb, p_time_zone text, p_reference date); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.crs_usage_contribution(p_redis_key text, p_value jsonb, p_time_zone text, p_reference date) FROM PUBLIC;


--
-- Name: FUNCTION crs_week_label(p_local timestamp without time zone); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.crs_week_label(p_local timestamp without time zone) FROM PUBLIC;


--
-- Name: FUNCTION decrypt_secrets(p_ciphertext bytea, p_version integer, p_keyring jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.decrypt_secrets(p_ciphertext bytea, p_version integer, p_keyring jsonb) FROM PUBLIC;


--
-- Name: FUNCTION encrypt_secrets(p_secrets jsonb, p_keyring jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.encrypt_secrets(p_secrets jsonb, p_keyring jsonb) FROM PUBLIC;


--
-- Name: FUNCTION explain_no_account(p_kinds text[], p_group_id uuid, p_model text, p_at timestamp with time zone); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.explain_no_account(p_kinds text[], p_group_id uuid, p_model text, p_at timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION filter_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.filter_api_keys(p_is_active boolean, p_is_deleted boolean, p_tag text, p_owner_user_id text, p_search text) FROM PUBLIC;


--
-- Name: FUNCTION forget_price_keys(); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.forget_price_keys() FROM PUBLIC;


--
-- Name: FUNCTION forget_scheduled_job(p_name text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.forget_scheduled_job(p_name text) FROM PUBLIC;


--
-- Name: FUNCTION is_canonical_uuid(p_text text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.is_canonical_uuid(p_text text) FROM PUBLIC;


--
-- Name: FUNCTION is_iso_instant(p_text text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.is_iso_instant(p_text text) FROM PUBLIC;


--
-- Name: FUNCTION is_whole_number(p_value numeric, p_min numeric, p_max numeric); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.is_whole_number(p_value numeric, p_min numeric, p_max numeric) FROM PUBLIC;


--
-- Name: FUNCTION is_token_count(p_value jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.is_token_count(p_value jsonb) FROM PUBLIC;


--
-- Name: FUNCTION iso_timestamp(p_at timestamp with time zone); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.iso_timestamp(p_at timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION keyring_current_version(p_keyring jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.keyring_current_version(p_keyring jsonb) FROM PUBLIC;


--
-- Name: FUNCTION keyring_key(p_keyring jsonb, p_version integer); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.keyring_key(p_keyring jsonb, p_version integer) FROM PUBLIC;


--
-- Name: FUNCTION keys_bound_to(p_target text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.keys_bound_to(p_target text) FROM PUBLIC;


--
-- Name: FUNCTION lock_account(p_id uuid); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.lock_account(p_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION lock_account_group(p_id uuid); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.lock_account_group(p_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION lock_api_key(p_id uuid); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.lock_api_key(p_id uuid) FROM PUBLIC;


--
-- Name: FUNCTION model_rates(p_model text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.model_rates(p_model text) FROM PUBLIC;


--
-- Name: FUNCTION normalise_model(p_model text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.normalise_model(p_model text) FROM PUBLIC;


--
-- Name: FUNCTION one_hour_cache_price(p_model text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.one_hour_cache_price(p_model text) FROM PUBLIC;


--
-- Name: FUNCTION partition_bounds(p_table text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.partition_bounds(p_table text) FROM PUBLIC;


--
-- Name: FUNCTION partition_key_column(p_table text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.partition_key_column(p_table text) FROM PUBLIC;


--
-- Name: FUNCTION price_key(p_model text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.price_key(p_model text) FROM PUBLIC;


--
-- Name: FUNCTION price_number(p_entry json, p_field text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.price_number(p_entry json, p_field text) FROM PUBLIC;


--
-- Name: FUNCTION raise_bad_crs_field(p_field text, p_message text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.raise_bad_crs_field(p_field text, p_message text) FROM PUBLIC;


--
-- Name: FUNCTION raise_invalid(p_field text, p_message text, p_hint text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.raise_invalid(p_field text, p_message text, p_hint text) FROM PUBLIC;


--
-- Name: FUNCTION record_scheduled_job(p_name text, p_schedule text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.record_scheduled_job(p_name text, p_schedule text) FROM PUBLIC;


--
-- Name: FUNCTION refuse_over_limit(p_code text, p_what text, p_limit numeric, p_current numeric, p_reset_at timestamp with time zone); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.refuse_over_limit(p_code text, p_what text, p_limit numeric, p_current numeric, p_reset_at timestamp with time zone) FROM PUBLIC;


--
-- Name: FUNCTION release_bindings(p_target text, p_what text, p_unbind_keys boolean); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.release_bindings(p_target text, p_what text, p_unbind_keys boolean) FROM PUBLIC;


--
-- Name: FUNCTION remember_price_keys(p_models text[]); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.remember_price_keys(p_models text[]) FROM PUBLIC;


--
-- Name: FUNCTION resolve_price_key(p_model text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.resolve_price_key(p_model text) FROM PUBLIC;


--
-- Name: FUNCTION rollup_upsert_sql(p_grain text, p_select text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.rollup_upsert_sql(p_grain text, p_select text) FROM PUBLIC;


--
-- Name: FUNCTION save_account(p_account relaypg.accounts); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.save_account(p_account relaypg.accounts) FROM PUBLIC;


--
-- Name: FUNCTION save_api_key(p_key relaypg.api_keys); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.save_api_key(p_key relaypg.api_keys) FROM PUBLIC;


--
-- Name: FUNCTION setting_boolean(p_field text, p_value jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.setting_boolean(p_field text, p_value jsonb) FROM PUBLIC;


--
-- Name: FUNCTION setting_count(p_field text, p_value jsonb, p_max bigint); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.setting_count(p_field text, p_value jsonb, p_max bigint) FROM PUBLIC;


--
-- Name: FUNCTION setting_model_mapping(p_field text, p_value jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.setting_model_mapping(p_field text, p_value jsonb) FROM PUBLIC;


--
-- Name: FUNCTION setting_money(p_field text, p_value jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.setting_money(p_field text, p_value jsonb) FROM PUBLIC;


--
-- Name: FUNCTION setting_name(p_field text, p_value jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.setting_name(p_field text, p_value jsonb) FROM PUBLIC;


--
-- Name: FUNCTION setting_proxy(p_field text, p_value jsonb, OUT proxy jsonb, OUT password text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.setting_proxy(p_field text, p_value jsonb, OUT proxy jsonb, OUT password text) FROM PUBLIC;


--
-- Name: FUNCTION setting_text(p_field text, p_value jsonb, p_nullable boolean, p_max_length integer); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.setting_text(p_field text, p_value jsonb, p_nullable boolean, p_max_length integer) FROM PUBLIC;


--
-- Name: FUNCTION setting_text_array(p_field text, p_value jsonb, p_max_items integer, p_max_length integer); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.setting_text_array(p_field text, p_value jsonb, p_max_items integer, p_max_length integer) FROM PUBLIC;


--
-- Name: FUNCTION setting_timestamptz(p_field text, p_value jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.setting_timestamptz(p_field text, p_value jsonb) FROM PUBLIC;


--
-- Name: FUNCTION strip_vendor_prefix(p_model text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.strip_vendor_prefix(p_model text) FROM PUBLIC;


--
-- Name: FUNCTION to_account(p_account relaypg.accounts); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.to_account(p_account relaypg.accounts) FROM PUBLIC;


--
-- Name: FUNCTION to_account_group(p_group relaypg.account_groups); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.to_account_group(p_group relaypg.account_groups) FROM PUBLIC;


--
-- Name: FUNCTION to_api_key(p_key relaypg.api_keys); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.to_api_key(p_key relaypg.api_keys) FROM PUBLIC;


--
-- Name: FUNCTION unbind_keys(p_target text); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.unbind_keys(p_target text) FROM PUBLIC;


--
-- Name: FUNCTION usage_events_look_valid(p_events jsonb); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.usage_events_look_valid(p_events jsonb) FROM PUBLIC;


--
-- Name: FUNCTION usage_time_zone(); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.usage_time_zone() FROM PUBLIC;


--
-- Name: FUNCTION users_propagate_activity(); Type: ACL; Schema: relaypg; Owner: :DATABASE_OWNER
--

REVOKE ALL ON FUNCTION relaypg.users_propagate_activity() FROM PUBLIC;


--
-- PostgreSQL database dump complete
--


