--! Previous: sha1:91bf902ea9071a7dc6dc0b6d92e2a0c129e0e6f3
--! Hash: sha1:7afcca7fb5304d8c069ac9537a6b9a5e045bbff0
--! Message: pricing

-- pricing: model prices loaded from a LiteLLM pricing file, and the cost of a
-- request computed as CRS 0881cc09 computed it (cost is computed in SQL when
-- usage is recorded; the usage domain builds on this).
-- Idempotent while it is current.sql: drop first, then create.
drop table if exists relaypg.model_prices cascade;
drop type if exists api.request_cost cascade;
drop function if exists relaypg.price_key(text), relaypg.one_hour_cache_price(text), relaypg.price_number(json, text),
  api.load_model_prices(json, text), api.price_request(text, bigint, bigint, bigint, bigint, bigint, bigint, boolean, text) cascade;

-- ---------------------------------------------------------------------------
-- Prices per token, one row per model of the pricing file, in file order
-- (CRS's fuzzy model matching takes the first match in that order).
-- ---------------------------------------------------------------------------
create table relaypg.model_prices (
  model                           text primary key,
  file_position                   integer not null unique,
  provider                        text,
  input_cost_per_token            numeric,
  output_cost_per_token           numeric,
  cache_creation_input_token_cost numeric,
  cache_read_input_token_cost     numeric,
  -- The file's entry as is (context windows, other prices, ...).
  details                         jsonb not null,
  source                          text not null,
  loaded_at                       timestamptz not null default now(),
  constraint model_prices_model_is_not_blank check (btrim(model) <> ''),
  constraint model_prices_details_is_an_object check (jsonb_typeof(details) = 'object')
);
comment on table relaypg.model_prices is 'Per-token model prices from a LiteLLM-format pricing file (the file CRS ships); file order kept for fuzzy matching.';

create function api.load_model_prices(p_document json, p_source text)
returns integer
language plpgsql
volatile
security definer
set search_path = ''
as $$
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
comment on function api.load_model_prices(json, text) is
  'Replaces every model price with those of a LiteLLM-format pricing document (file order kept); returns how many models. RVINV.';
grant execute on function api.load_model_prices(json, text) to :DATABASE_APP_USER;

create function relaypg.price_number(p_entry json, p_field text)
returns numeric
language plpgsql
immutable
set search_path = ''
as $$
begin
  if json_typeof(p_entry -> p_field) is distinct from 'number' then
    return null;  -- absent, null or not a number: no price
  end if;
  -- The file's decimal text, never through a double.
  return (p_entry ->> p_field)::numeric;
end
$$;
comment on function relaypg.price_number(json, text) is 'A price field of a pricing-file entry as exact numeric (null when absent or not a number).';

-- ---------------------------------------------------------------------------
-- Which price entry serves a model (CRS pricingService.getModelPricing):
-- exact name; gpt-5-codex -> gpt-5; a Bedrock id without its region; the first
-- entry, in file order, whose normalised name contains the model's or is
-- contained in it (lower case, '-' and '_' removed); a Bedrock core name.
-- ---------------------------------------------------------------------------
create function relaypg.price_key(p_model text)
returns text
language plpgsql
stable
set search_path = ''
as $$
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
comment on function relaypg.price_key(text) is 'The pricing entry CRS 0881cc09 would price a model with (exact, gpt-5-codex, Bedrock region, fuzzy in file order, Bedrock core); null when none.';

-- CRS's hard-coded price of 1-hour cache writes (not in the pricing file at
-- that version): Opus, Sonnet, Haiku by name.
create function relaypg.one_hour_cache_price(p_model text)
returns numeric
language sql
immutable
as $$
  select case
    when lower(p_model) like '%opus%' then 0.00003
    when lower(p_model) like '%sonnet%' then 0.000006
    when lower(p_model) like '%haiku%' then 0.0000016
    else 0 end;
$$;
comment on function relaypg.one_hour_cache_price(text) is 'USD per token of a 1-hour cache write, as CRS hard-codes it (Opus 30, Sonnet 6, Haiku 1.6 per million).';

create type api.request_cost as (
  price_key      text,
  long_context   boolean,
  input          numeric,
  output         numeric,
  cache_create   numeric,
  cache_create_5m numeric,
  cache_create_1h numeric,
  cache_read     numeric,
  total          numeric
);
comment on type api.request_cost is 'A request''s cost by token class (USD), the price entry used, and whether long-context prices applied.';

-- The cost of one request, exactly as CRS 0881cc09 computed it (exact decimal
-- arithmetic; CRS's doubles differ by at most ~1e-16 USD). p_cache_split says
-- whether the 5-minute/1-hour split of cache writes is known (CRS's streaming
-- path, recordUsageWithDetails); without it all cache writes are 5-minute ones.
create function api.price_request(
  p_model text, p_input bigint, p_output bigint, p_cache_creation bigint, p_cache_5m bigint, p_cache_1h bigint,
  p_cache_read bigint, p_cache_split boolean, p_path text default 'details')
returns api.request_cost
language plpgsql
stable
security definer
set search_path = ''
as $$
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
comment on function api.price_request(text, bigint, bigint, bigint, bigint, bigint, bigint, boolean, text) is
  'The cost of one request as CRS 0881cc09 computed it: price entry by CRS''s model matching, 1-hour cache writes at CRS''s hard-coded prices, [1m] long context above 200k input tokens; path details (streaming, pricingService) or plain (CostCalculator). RVINV.';
grant execute on function api.price_request(text, bigint, bigint, bigint, bigint, bigint, bigint, boolean, text) to :DATABASE_APP_USER;
