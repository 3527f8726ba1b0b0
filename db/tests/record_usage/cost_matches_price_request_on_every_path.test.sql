-- api.record_usage prices a batch from its models' rates: for every model
-- kind (Claude, [1m] Claude, OpenAI with writes at the input rate, Bedrock,
-- unpriced, unpriced [1m], a model only CRS's static table prices), cost path,
-- cache split or none, and token count below and above the 200k long-context
-- threshold, the stored price key, long-context flag and cost parts, and the
-- returned cost, are exactly api.price_request's (compared as text, so that
-- even the scale of each numeric is the same). Prices: the shipped file.
begin;
select plan(3);

create temporary table grid as
select row_number() over () as n, m.model, p.path, s.split, t.input
  from unnest(array['claude-sonnet-4-20250514', 'claude-sonnet-4-20250514[1m]', 'claude-opus-4-1-20250805',
                    'claude-3-5-haiku-20241022', 'gpt-5', 'us.anthropic.claude-sonnet-4-20250514-v1:0', 'qqqq', 'qqqq[1m]',
                    'claude-3-opus-20240229']) m(model)
 cross join unnest(array['details', 'plain']) p(path)
 cross join unnest(array[false, true]) s(split)
 cross join unnest(array[1234, 250000]) t(input);

select is((select count(*) from grid), 72::bigint, '72 combinations');

create temporary table recorded as
select r.* from api.record_usage((
  select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
    'requestId', 'grid-' || g.n, 'apiKeyId', '00000000-0000-4000-8000-0000000000a1', 'model', g.model, 'costPath', g.path,
    'occurredAt', '2025-09-15T17:00:00Z', 'inputTokens', g.input, 'outputTokens', 567, 'cacheCreationTokens', 8900,
    'cacheCreation5mTokens', case when g.split then 6000 end, 'cacheCreation1hTokens', case when g.split then 2900 end,
    'cacheReadTokens', 43210)) order by g.n)
  from grid g)) r;

select is(
  (select array_agg(g.model || ' ' || g.path || case when g.split then ' split ' else ' ' end || g.input order by g.n)
     from grid g
     join relaypg.usage_events e on e.request_id = 'grid-' || g.n
     cross join lateral api.price_request(g.model, g.input, 567, 8900, case when g.split then 6000 end,
                                          case when g.split then 2900 end, 43210, g.split, g.path) c
    where row(e.price_key, e.long_context, e.cost_input, e.cost_output, e.cost_cache_create, e.cost_cache_read, e.cost_total)::text
          is distinct from row(c.price_key, c.long_context, c.input, c.output, c.cache_create, c.cache_read, c.total)::text),
  null, 'every stored price key, flag and cost part is price_request''s');
select is(
  (select array_agg(r.request_id order by r.request_id)
     from recorded r
     join grid g on r.request_id = 'grid-' || g.n
     cross join lateral api.price_request(g.model, g.input, 567, 8900, case when g.split then 6000 end,
                                          case when g.split then 2900 end, 43210, g.split, g.path) c
    where r.cost::text is distinct from c.total::text or not r.recorded),
  null, 'every returned cost is price_request''s total');

select * from finish();
rollback;
