-- api.import_crs_usage: the runtime role may call it (security definer,
-- writing the private ledger and rollups) and the usage it imports is stored.
begin;
select plan(5);

select ok(tests.app_role_is_granted_execute('api.import_crs_usage(text, jsonb, timestamptz)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'import_crs_usage', array['text', 'jsonb', 'timestamp with time zone'], 'import_crs_usage is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.import_crs_usage('usage:00000000-0000-4000-8000-0000000000a1', '{"totalRequests": "12", "totalInputTokens": "1234"}',
  '2025-09-16T04:00:00Z'),
  (null, 'inserted', '{}')::api.import_result, 'as the runtime role, a key''s totals are imported');
select is((api.import_crs_usage('usage:model:hourly:claude-sonnet-4-20250514:2025-09-16:11', '{"requests": "2"}',
  '2025-09-16T04:00:00Z')).action, 'inserted', 'and a per-model hour');
reset role;

select is(
  (select row(u.requests, u.input_tokens, u.baseline_cut_off, (select requests from relaypg.usage_rollups_hourly),
              (select count(*) from relaypg.crs_usage_imports))::text
     from relaypg.api_key_usage u where u.api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(12, 1234, '2025-09-16T04:00:00Z'::timestamptz, 2, 2)::text,
  'the usage imported as the runtime role is stored, with its cut-off and import records');

select * from finish();
rollback;
