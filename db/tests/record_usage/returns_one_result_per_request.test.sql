-- api.record_usage records each event of a batch and returns one result per
-- request id, in input order: recorded = true, the event's instant (now()
-- when occurredAt is missing) and its cost. The stored row keeps the fields
-- sent, with the documented defaults (status 200, costPath details).
begin;
select plan(4);

select is(
  (select array_agg(row(r.request_id, r.recorded, r.occurred_at, r.cost is not null)::text order by o)
     from api.record_usage($$[
       {"requestId": "req-c", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
        "occurredAt": "2025-09-15T17:00:00Z", "inputTokens": 10},
       {"requestId": "req-a", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
        "occurredAt": "2025-09-15T18:00:00.250+08:00", "inputTokens": 20},
       {"requestId": "req-b", "apiKeyId": "00000000-0000-4000-8000-0000000000a2", "model": "claude-sonnet-4-20250514",
        "inputTokens": 30}
     ]$$) with ordinality r(request_id, recorded, occurred_at, cost, o)),
  array[row('req-c', true, '2025-09-15T17:00:00Z'::timestamptz, true)::text,
        row('req-a', true, '2025-09-15T10:00:00.25Z'::timestamptz, true)::text,
        row('req-b', true, now(), true)::text],
  'one result per request id, in input order, with its instant (now() when missing)');

select is((select count(*) from relaypg.usage_events where request_id like 'req-%'), 3::bigint,
  'the three events are stored');

select is(
  (select row(api_key_id, account_id, account_kind, requested_model, input_tokens, output_tokens, cache_create_tokens,
              cache_read_tokens, stream, status, duration_ms, cost_path)::text
     from relaypg.usage_events where request_id = 'req-b'),
  row('00000000-0000-4000-8000-0000000000a2'::uuid, null::uuid, null::text, 'claude-sonnet-4-20250514'::text,
      30::bigint, 0::bigint, 0::bigint, 0::bigint, null::boolean, 200, null::integer, 'details'::text)::text,
  'missing fields take their defaults (tokens 0, status 200, cost path details)');

select api.record_usage($$[{"requestId": "req-full", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "accountId": "00000000-0000-4000-8000-0000000000c1", "accountKind": "claude-console", "model": "claude-sonnet-4-20250514",
  "occurredAt": "2025-09-15T17:00:00Z", "inputTokens": 1, "outputTokens": 2, "cacheCreationTokens": 3, "cacheReadTokens": 4,
  "stream": true, "status": 429, "durationMs": 1234, "costPath": "plain"}]$$);
select is(
  (select row(account_id, account_kind, input_tokens, output_tokens, cache_create_tokens, cache_read_tokens,
              stream, status, duration_ms, cost_path)::text
     from relaypg.usage_events where request_id = 'req-full'),
  row('00000000-0000-4000-8000-0000000000c1'::uuid, 'claude-console'::text, 1::bigint, 2::bigint, 3::bigint, 4::bigint,
      true, 429, 1234, 'plain'::text)::text,
  'every field sent is stored');

select * from finish();
rollback;
