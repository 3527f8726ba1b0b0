--! Previous: sha1:33991e95d56297adea0adb39157991d8000c3da4
--! Hash: sha1:e41eb3bc55dca53aecbdac5efd27d787fe27cdec
--! Message: selection in batches

-- selection in batches: the service sends the selections of concurrent
-- requests that its memory could not answer together, in one call (one round
-- trip, one transaction). Each request is still decided by api.select_account.
-- Idempotent while it is current.sql.

-- api.select_account as in 000002, except that refreshing an account's last
-- use (bookkeeping, at most once a second) skips a row another transaction
-- holds instead of waiting for it. A batch holds the rows it locked until it
-- commits; waiting on accounts as well as on mappings could deadlock two
-- batches, which take mappings in one order but accounts in any.

create or replace function api.select_account(
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
$$;
comment on function api.select_account(uuid, text, text, text, interval, interval, boolean) is
  'Chooses the account for a request: the key''s bound account if it can serve, else a live sticky mapping (renewed under the threshold), else the pool (group or shared; priority, then least recently used; rows held by concurrent picks are skipped), recording the mapping and last use (asynchronously committed when p_asynchronous_commit: it is bookkeeping). A session moved off an account announces relaypg_session_remapped. Model ccr,<m> routes to CCR. KYNFD, RVINV, SLNAV (detail: candidates by reason).';

drop function if exists api.select_accounts(uuid[], text[], text[], text[], interval, interval, boolean);

-- Requests are decided in session order: a decision may lock its session's
-- mapping until the batch commits, and two batches that lock the same
-- mappings must lock them in the same order, or they deadlock. A pool pick
-- still waits for an account when every candidate is held, and no order can
-- be imposed on those: a batch waits for any lock at most 100 ms (10 ms once
-- one of its requests has waited that long), and a request that would have
-- waited longer is answered 55P03 (lock_not_available), to be selected again
-- alone once the batch has committed. A request's own
-- refusal (KYNFD, RVINV, SLNAV, 55P03) is its row's answer, not the batch's:
-- each runs in a subtransaction, which is why a batch holds at most 32.
create function api.select_accounts(
  p_api_key_ids uuid[], p_platforms text[], p_models text[], p_session_hashes text[],
  p_sticky_ttl interval default '1 hour', p_renewal_threshold interval default '0',
  p_asynchronous_commit boolean default false)
returns table (
  ord                integer,
  account_id         uuid,
  account_kind       text,
  upstream_model     text,
  sticky             boolean,
  account_version    bigint,
  session_expires_at timestamptz,
  error_code         text,
  error_message      text,
  error_detail       text,
  error_hint         text,
  error_column       text
)
language plpgsql
volatile
security definer
set search_path = ''
-- Shorter than deadlock_timeout (1 s): a wait that could be half of a deadlock
-- ends first. As a SET clause it ends with the call, whatever the caller's.
set lock_timeout = '100ms'
as $$
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
comment on function api.select_accounts(uuid[], text[], text[], text[], interval, interval, boolean) is
  'api.select_account for many requests in one call: request i is (p_api_key_ids[i], p_platforms[i], p_models[i], '
  'p_session_hashes[i]). One row per request, ord = i, with its selection, or its refusal (error_code KYNFD, RVINV '
  'or SLNAV with message, detail, hint and column as api.select_account raises them, or 55P03 when it would have waited '
  'more than 100 ms for a lock: select it again alone); rows come in no particular order. Decided in session order '
  '(mappings it locks are locked in one order). RVINV for arrays of different lengths or more than 32 requests; any '
  'other error fails the call.';
grant execute on function api.select_accounts(uuid[], text[], text[], text[], interval, interval, boolean) to :DATABASE_APP_USER;
