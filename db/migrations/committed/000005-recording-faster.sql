--! Previous: sha1:0104cd71888396bbb15d527a2e89f856fbf875f0
--! Hash: sha1:b38879c82ea162d07760f3827620713fc358d52e
--! Message: recording, faster

-- recording, faster: api.record_usage prices a batch with one lookup per
-- distinct model instead of a price_request call per event, and checks a
-- well-formed batch in one cheap pass (the field-naming check runs only when
-- that pass finds something wrong). Same results, same errors.
-- Idempotent while it is current.sql.

-- ---------------------------------------------------------------------------
-- The memo of a model's price entry also keeps the model's rates, as
-- api.price_request would apply them, and its statistics name: everything
-- about pricing an event that depends on the model alone. Emptied whenever
-- prices change (the trigger of 000004), so rows without rates cannot stay.
-- ---------------------------------------------------------------------------
delete from relaypg.model_price_keys;
alter table relaypg.model_price_keys
  add column if not exists priced                  boolean not null,
  add column if not exists normalised_model        text    not null,
  add column if not exists input_rate              numeric not null,
  add column if not exists output_rate             numeric not null,
  add column if not exists cache_write_rate        numeric not null,
  add column if not exists cache_write_1h_rate     numeric not null,
  add column if not exists cache_read_rate         numeric not null,
  add column if not exists plain_input_rate        numeric not null,
  add column if not exists plain_output_rate       numeric not null,
  add column if not exists plain_cache_write_rate  numeric not null,
  add column if not exists plain_cache_read_rate   numeric not null,
  add column if not exists plain_writes_at_input   boolean not null;
comment on table relaypg.model_price_keys is 'Memo per model: its price entry (relaypg.resolve_price_key) and the rates api.price_request applies on each path; emptied by a trigger whenever relaypg.model_prices changes.';
comment on column relaypg.model_price_keys.priced is 'Whether an entry prices the model (on the details path an unpriced model costs nothing, unless it is a long-context request).';
comment on column relaypg.model_price_keys.plain_writes_at_input is 'On the plain path, cache writes cost the input rate (CostCalculator: an OpenAI model whose entry has no cache-write price).';

-- A model's rates, from the prices: the rules of api.price_request (000003)
-- split into what depends on the model (here) and on the tokens (the
-- expressions of api.record_usage). pgTAP checks both against price_request.
create or replace function relaypg.compute_model_rates(p_model text)
returns relaypg.model_price_keys
language sql
stable
-- No SET clause: every name is qualified.
as $$
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
comment on function relaypg.compute_model_rates(text) is 'A model''s price entry, statistics name and the rates api.price_request applies to it on each cost path (uncached: relaypg.model_price_keys remembers it).';

create or replace function relaypg.remember_price_keys(p_models text[])
returns void
language sql
volatile
set search_path = ''
begin atomic
  insert into relaypg.model_price_keys
  select r.*
    from (select distinct u.model from unnest(p_models) u(model) where coalesce(u.model, '') <> '') m
   cross join lateral relaypg.compute_model_rates(m.model) r
   where not exists (select from relaypg.model_price_keys k where k.model = m.model)
  on conflict (model) do nothing;
end;
comment on function relaypg.remember_price_keys(text[]) is 'Adds the price entry and rates of each model not yet in relaypg.model_price_keys.';

-- A model's memo row, or its rates computed now when the memo lacks it (prices
-- changed since the caller remembered it): recording never loses an event to
-- that race.
create or replace function relaypg.model_rates(p_model text)
returns relaypg.model_price_keys
language plpgsql
stable
-- No SET clause: it runs once per model of every recorded batch.
as $$
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
comment on function relaypg.model_rates(text) is 'The remembered price entry and rates of a model, computed when not remembered.';

-- Strict canonical UUID text (8-4-4-4-12 hex digits, either case).
create or replace function relaypg.is_canonical_uuid(p_text text)
returns boolean
language sql
immutable
parallel safe
return p_text ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
comment on function relaypg.is_canonical_uuid(text) is 'Whether a text is a UUID in its canonical 8-4-4-4-12 form (either case).';

create or replace function relaypg.is_whole_number(p_value numeric, p_min numeric, p_max numeric)
returns boolean
language sql
immutable
parallel safe
-- scale 0: the JSON text had no fraction digits ("200.0" is refused, as the naming check refuses it).
return p_value between p_min and p_max and scale(p_value) = 0;
comment on function relaypg.is_whole_number(numeric, numeric, numeric) is 'Whether a number is written without fraction digits and lies in [min, max].';

-- A token count as record_usage accepts it: absent, null, or a whole number from 0 to 10^12.
create or replace function relaypg.is_token_count(p_value jsonb)
returns boolean
language sql
immutable
parallel safe
return p_value is null or jsonb_typeof(p_value) = 'null'
       or (jsonb_typeof(p_value) = 'number' and relaypg.is_whole_number(p_value::numeric, 0, 1000000000000));
comment on function relaypg.is_token_count(jsonb) is 'Whether a JSON value is absent, null, or a whole number of tokens from 0 to 10^12.';

-- ---------------------------------------------------------------------------
-- Whether every event of a batch is well formed, in one pass that extracts
-- each field once: true only for a batch relaypg.check_usage_events accepts
-- (false sends the batch to that check, which names the first bad field).
-- ---------------------------------------------------------------------------
create or replace function relaypg.usage_events_look_valid(p_events jsonb)
returns boolean
language plpgsql
stable
-- No SET clause: it runs on every recording (every name is qualified or built in).
as $$
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
$$;
comment on function relaypg.usage_events_look_valid(jsonb) is 'Whether every event of a batch (a JSON array) is well formed: true only when relaypg.check_usage_events accepts the batch; false sends it there to name the first bad field.';


-- ---------------------------------------------------------------------------
-- api.record_usage: as in 000004, with the cheap check first and pricing on
-- the batch's model rates.
-- ---------------------------------------------------------------------------
create or replace function api.record_usage(p_events jsonb)
returns setof api.usage_record_result
language plpgsql
volatile
security definer
set search_path = ''
as $$
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
$$;
comment on function api.record_usage(jsonb) is
  'Records a batch of usage events (a JSON array, at most 5000) in one statement: prices each, appends it, adds it to its key''s ledger and ends its concurrency lease; an event whose request id was recorded before, or that occurred before its key''s CRS import cut-off, is a no-op (recorded = false). One result per request id, in input order (a repeated id within the batch counts once). RVINV.';
