-- api.import_crs_usage keeps an account's CRS lifetime (account_usage:{id},
-- which CRS never expires) beside the months imported for it (CRS keeps
-- account_usage:model:monthly:* 365 days): api.usage_totals' total is the
-- lifetime, the months included once, whichever key is imported first; a
-- re-import of either replaces its part.
begin;
select plan(5);

select api.import_crs_usage('account_usage:model:monthly:44444444-aaaa-4aaa-8aaa-444444444444:claude-sonnet-4-20250514:2025-09',
  '{"requests": "30", "inputTokens": "300", "outputTokens": "3"}', '2025-09-16T04:00:00Z');
select is((select requests from api.usage_totals('account', '44444444-aaaa-4aaa-8aaa-444444444444', '2025-09-16T04:00:00Z') where period = 'total'),
  30::bigint, 'with the month alone, the total is the month');
select api.import_crs_usage('account_usage:44444444-aaaa-4aaa-8aaa-444444444444',
  '{"totalRequests": "100", "totalInputTokens": "1000", "totalOutputTokens": "10"}', '2025-09-16T04:00:00Z');
select is((select row(requests, input_tokens, output_tokens)::text
             from api.usage_totals('account', '44444444-AAAA-4aaa-8aaa-444444444444', '2025-09-16T04:00:00Z') where period = 'total'),
  row(100::bigint, 1000::bigint, 10::bigint)::text, 'with the lifetime, the total is CRS''s lifetime (the month counted once)');
select is((select requests from api.usage_totals('account', '44444444-aaaa-4aaa-8aaa-444444444444', '2025-09-16T04:00:00Z') where period = 'month'),
  30::bigint, 'the month stays the month');
select api.import_crs_usage('account_usage:model:monthly:44444444-aaaa-4aaa-8aaa-444444444444:claude-sonnet-4-20250514:2025-09',
  '{"requests": "45", "inputTokens": "300", "outputTokens": "3"}', '2025-09-16T04:00:00Z');
select is((select requests from api.usage_totals('account', '44444444-aaaa-4aaa-8aaa-444444444444', '2025-09-16T04:00:00Z') where period = 'total'),
  100::bigint, 'a re-imported month changes the older part, not the lifetime');
select is((select row(requests, part)::text from relaypg.crs_lifetime_baselines where part = 'months'),
  row(45::bigint, 'months')::text, 'the months part holds the month as imported now');

select * from finish();
rollback;
