-- api.record_usage stores the model as sent (requested_model) and CRS's
-- statistics name (model, relaypg.normalise_model); the price is looked up on
-- the model as sent.
begin;
select plan(3);

select api.record_usage($$[
  {"requestId": "m-bedrock", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "accountKind": "bedrock",
   "model": "us.anthropic.claude-sonnet-4-20250514-v1:0", "occurredAt": "2025-09-15T01:00:00Z", "inputTokens": 10},
  {"requestId": "m-latest", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
   "model": "llama3:latest", "occurredAt": "2025-09-15T01:00:00Z"}
]$$);

select is((select row(requested_model, model)::text from relaypg.usage_events where request_id = 'm-bedrock'),
  row('us.anthropic.claude-sonnet-4-20250514-v1:0', 'claude-sonnet-4-20250514')::text,
  'a Bedrock id is stored as sent and normalised (region, anthropic. and -v1:0 removed)');
select is((select price_key from relaypg.usage_events where request_id = 'm-bedrock'),
  relaypg.resolve_price_key('us.anthropic.claude-sonnet-4-20250514-v1:0'),
  'the price entry is the one of the model as sent');
select is((select model from relaypg.usage_events where request_id = 'm-latest'), 'llama3',
  'another model loses a trailing :latest');

select * from finish();
rollback;
