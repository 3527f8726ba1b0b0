-- api.record_usage is idempotent on the request id: an id recorded by an
-- earlier call, or repeated inside one batch, is a no-op (recorded = false,
-- cost null; within a batch the first copy wins and one result is returned),
-- and is counted once in the ledger (relaypg.api_key_usage and
-- relaypg.api_key_daily_usage).
begin;
select plan(7);

select api.record_usage($$[{"requestId": "dup-1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-15T01:00:00Z", "inputTokens": 100}]$$);

select is(
  (select array_agg(row(r.request_id, r.recorded, r.cost = 20 * 0.000003)::text order by o)
     from api.record_usage($$[
       {"requestId": "dup-1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
        "occurredAt": "2025-09-15T01:00:00Z", "inputTokens": 999},
       {"requestId": "dup-2", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
        "occurredAt": "2025-09-15T02:00:00Z", "inputTokens": 20}
     ]$$) with ordinality r(request_id, recorded, occurred_at, cost, o)),
  array[row('dup-1', false, null::boolean)::text, row('dup-2', true, true)::text],
  'an id recorded by an earlier call is not recorded again (recorded = false, no cost); a new one is');

select is(
  (select array_agg(row(r.request_id, r.recorded)::text order by o)
     from api.record_usage($$[
       {"requestId": "dup-3", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
        "occurredAt": "2025-09-15T03:00:00Z", "inputTokens": 3},
       {"requestId": "dup-3", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
        "occurredAt": "2025-09-15T03:00:00Z", "inputTokens": 3000},
       {"requestId": "dup-1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514",
        "occurredAt": "2025-09-15T01:00:00Z", "inputTokens": 999}
     ]$$) with ordinality r(request_id, recorded, occurred_at, cost, o)),
  array[row('dup-3', true)::text, row('dup-1', false)::text],
  'an id repeated inside a batch gives one result (recorded once); an earlier id in the batch is a no-op');

select is((select array_agg(request_id || '=' || input_tokens order by request_id) from relaypg.usage_events),
  array['dup-1=100', 'dup-2=20', 'dup-3=3'],
  'one event per request id, each with the tokens of its first recording');

select is(
  (select row(requests, input_tokens, cost) from relaypg.api_key_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(3::bigint, 123::bigint, 123 * 0.000003),
  'the key''s lifetime ledger counts each request once');

select is(
  (select row(sum(requests), sum(input_tokens), sum(cost)) from relaypg.api_key_daily_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(3::numeric, 123::numeric, 123 * 0.000003),
  'the key''s daily ledger counts each request once');

select is(
  (select array_agg(row(r.recorded)::text) from api.record_usage($$[
     {"requestId": "dup-2", "apiKeyId": "00000000-0000-4000-8000-0000000000a2", "model": "claude-sonnet-4-20250514",
      "occurredAt": "2025-09-16T02:00:00Z", "inputTokens": 5}]$$) r),
  array[row(false)::text],
  'a recorded id sent again for another key is still a no-op');
select is((select count(*) from relaypg.api_key_usage where api_key_id = '00000000-0000-4000-8000-0000000000a2'),
  0::bigint, 'and the other key''s ledger is not touched');

select * from finish();
rollback;
