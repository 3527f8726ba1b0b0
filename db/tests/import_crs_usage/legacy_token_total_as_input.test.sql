-- A legacy CRS record with only a token total and no input/output split
-- (usage:{keyId} with totalTokens, a day or per-model hash with tokens) is
-- kept whole as input tokens (CRS's 30/70 split is a guess, redis-model
-- 3.6). A record with a split keeps it and ignores the total.
begin;
select plan(4);

select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1', '{"totalTokens": "1000", "totalRequests": "5"}',
  '2025-09-16T04:00:00Z');
select is(
  (select row(requests, input_tokens, output_tokens)::text from relaypg.api_key_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(5, 1000, 0)::text, 'a total with only totalTokens keeps them all as input tokens');

select api.import_crs_usage('usage:daily:00000000-0000-4000-8000-0000000000a1:2025-09-16',
  '{"tokens": "300", "inputTokens": "0", "outputTokens": "", "requests": "2"}', '2025-09-16T04:00:00Z');
select is(
  (select row(requests, input_tokens, output_tokens)::text from relaypg.api_key_daily_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(2, 300, 0)::text, 'a day with only tokens (its split 0 or empty) keeps them all as input tokens');

select api.import_crs_usage('usage:model:daily:claude-2:2025-09-16', '{"tokens": "40", "requests": "1"}', '2025-09-16T04:00:00Z');
select is((select row(input_tokens, output_tokens)::text from relaypg.usage_rollups_daily), row(40, 0)::text,
  'so does a per-model hash with only tokens');

select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a2',
  '{"totalTokens": "1000", "totalInputTokens": "600", "totalOutputTokens": "400"}', '2025-09-16T04:00:00Z');
select is(
  (select row(input_tokens, output_tokens)::text from relaypg.api_key_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a2'),
  row(600, 400)::text, 'a total with its split keeps the split (totalTokens is not added)');

select * from finish();
rollback;
