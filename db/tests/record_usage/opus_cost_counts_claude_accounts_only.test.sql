-- api.record_usage: opus_cost (what the weekly Opus limit reads) is the
-- event's whole cost when its normalised model is a claude-opus model served
-- by a claude-official, claude-console or ccr account, and 0 otherwise (other
-- kinds, no account kind, other models). The ledger sums it.
begin;
select plan(4);

select api.record_usage($$[
  {"requestId": "o-official", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "accountKind": "claude-official",
   "model": "claude-opus-4-1-20250805", "occurredAt": "2025-09-15T01:00:00Z", "inputTokens": 1000},
  {"requestId": "o-console", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "accountKind": "claude-console",
   "model": "claude-opus-4-1-20250805", "occurredAt": "2025-09-15T01:00:00Z", "inputTokens": 2000},
  {"requestId": "o-ccr", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "accountKind": "ccr",
   "model": "claude-opus-4-1-20250805", "occurredAt": "2025-09-15T01:00:00Z", "inputTokens": 4000},
  {"requestId": "o-bedrock", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "accountKind": "bedrock",
   "model": "us.anthropic.claude-opus-4-1-20250805-v1:0", "occurredAt": "2025-09-15T01:00:00Z", "inputTokens": 8000},
  {"requestId": "o-no-kind", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
   "model": "claude-opus-4-1-20250805", "occurredAt": "2025-09-15T01:00:00Z", "inputTokens": 16000},
  {"requestId": "s-official", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "accountKind": "claude-official",
   "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-15T01:00:00Z", "inputTokens": 32000}
]$$);

select is(
  (select array_agg(request_id order by request_id) from relaypg.usage_events where opus_cost = cost_total and cost_total > 0),
  array['o-ccr', 'o-console', 'o-official'],
  'Opus on claude-official, claude-console and ccr accounts counts its whole cost');
select is(
  (select array_agg(request_id order by request_id) from relaypg.usage_events where opus_cost = 0),
  array['o-bedrock', 'o-no-kind', 's-official'],
  'Opus on Bedrock or without an account kind, and Sonnet, count nothing');
select is(
  (select opus_cost from relaypg.api_key_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  7000 * 0.000015,
  'the lifetime ledger sums the Opus cost of the three Claude-account requests');
select is(
  (select sum(opus_cost) from relaypg.api_key_daily_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  7000 * 0.000015,
  'so does the daily ledger');

select * from finish();
rollback;
