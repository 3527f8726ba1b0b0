-- api.record_usage prices each event with api.price_request on the event's
-- own model, tokens, cache split and cost path: the stored parts and price
-- key, and the returned cost, are exactly price_request's. Checked on a
-- Claude details-path event with a 5m/1h split and a plain-path OpenAI event
-- (where cache writes cost the input price, so the path matters). The prices
-- are those db setup loaded from the shipped pricing file.
begin;
select plan(5);

select is(
  (select r.cost from api.record_usage($$[{"requestId": "cost-details", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
     "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-15T17:00:00Z", "inputTokens": 1234, "outputTokens": 567,
     "cacheCreationTokens": 8900, "cacheCreation5mTokens": 6000, "cacheCreation1hTokens": 2900, "cacheReadTokens": 43210,
     "costPath": "details"}]$$) r),
  (select c.total from api.price_request('claude-sonnet-4-20250514', 1234, 567, 8900, 6000, 2900, 43210, true, 'details') c),
  'a details-path event with the split returns price_request''s total');
select is(
  (select row(e.price_key, e.long_context, e.cost_input, e.cost_output, e.cost_cache_create, e.cost_cache_read, e.cost_total)
     from relaypg.usage_events e where e.request_id = 'cost-details'),
  (select row(c.price_key, c.long_context, c.input, c.output, c.cache_create, c.cache_read, c.total)
     from api.price_request('claude-sonnet-4-20250514', 1234, 567, 8900, 6000, 2900, 43210, true, 'details') c),
  'its stored price key and cost parts are price_request''s (1-hour writes at the 1-hour price)');
select is(
  (select row(e.cache_create_tokens, e.cache_create_5m_tokens, e.cache_create_1h_tokens)::text
     from relaypg.usage_events e where e.request_id = 'cost-details'),
  row(8900::bigint, 6000::bigint, 2900::bigint)::text,
  'the split is stored');

select is(
  (select r.cost from api.record_usage($$[{"requestId": "cost-plain", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
     "model": "gpt-5", "occurredAt": "2025-09-15T17:00:00Z", "inputTokens": 1000, "outputTokens": 200,
     "cacheCreationTokens": 3000, "cacheReadTokens": 5000, "costPath": "plain"}]$$) r),
  (select c.total from api.price_request('gpt-5', 1000, 200, 3000, null, null, 5000, false, 'plain') c),
  'a plain-path event returns price_request''s plain total (cache writes at the input price)');
select is(
  (select row(e.cost_path, e.cost_cache_create, e.cost_total, e.cache_create_5m_tokens)
     from relaypg.usage_events e where e.request_id = 'cost-plain'),
  (select row('plain'::text, c.cache_create, c.total, 3000::bigint)
     from api.price_request('gpt-5', 1000, 200, 3000, null, null, 5000, false, 'plain') c),
  'it is stored on the plain path, every cache write counted as a 5-minute one (no split)');

select * from finish();
rollback;
