-- api.import_crs_usage of a key already imported with the same value is
-- 'unchanged' and adds nothing (the figures are not counted twice), whatever
-- the order of the hash's fields; relaypg.crs_usage_imports keeps one row per
-- CRS key, with its first cut-off.
begin;
select plan(7);

select api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1',
  '{"totalRequests": "12", "totalInputTokens": "1234", "totalOutputTokens": "567"}', '2025-09-16T04:00:00Z');
select api.import_crs_usage('usage:cost:daily:00000000-0000-4000-8000-0000000000a1:2025-09-16', '{"value": "0.6"}',
  '2025-09-16T04:00:00Z');
select api.import_crs_usage('usage:model:daily:gpt-5:2025-09-16', '{"inputTokens": "9", "requests": "1"}', '2025-09-16T04:00:00Z');

select is(api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1',
  '{"totalOutputTokens": "567", "totalInputTokens": "1234", "totalRequests": "12"}', '2025-09-17T04:00:00Z'),
  (null, 'unchanged', '{}')::api.import_result, 'the same hash again (fields in another order) is unchanged');
select is(api.import_crs_usage('usage:cost:daily:00000000-0000-4000-8000-0000000000a1:2025-09-16', '{"value": "0.6"}',
  '2025-09-17T04:00:00Z'),
  (null, 'unchanged', '{}')::api.import_result, 'the same cost again is unchanged');
select is(api.import_crs_usage('usage:model:daily:gpt-5:2025-09-16', '{"inputTokens": "9", "requests": "1"}', '2025-09-17T04:00:00Z'),
  (null, 'unchanged', '{}')::api.import_result, 'the same per-model hash again is unchanged');

select is(
  (select row(requests, input_tokens, output_tokens)::text from relaypg.api_key_usage
    where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(12, 1234, 567)::text, 'the lifetime counters are not added twice');
select is(
  (select row((select cost from relaypg.api_key_daily_usage), (select row(requests, input_tokens) from relaypg.usage_rollups_daily)))::text,
  row(0.6, row(1, 9))::text, 'nor the day''s cost, nor the rollup row');
select is((select count(*) from relaypg.crs_usage_imports), 3::bigint, 'crs_usage_imports keeps one row per CRS key');
select is((select array_agg(distinct cut_off) from relaypg.crs_usage_imports), array['2025-09-16T04:00:00Z'::timestamptz],
  'with the cut-off of the import that stored it');

select * from finish();
rollback;
