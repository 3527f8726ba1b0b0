-- api.recent_usage: the runtime role may call it (security definer, reading
-- the private events).
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.recent_usage(integer, timestamptz)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'recent_usage', array['integer', 'timestamp with time zone'], 'recent_usage is security definer');

select api.record_usage($$[{"requestId": "p1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-16T03:59:00Z", "inputTokens": 9}]$$);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select row(requests, input_tokens)::text from api.recent_usage(5, '2025-09-16T04:00:00Z')),
  row(1::bigint, 9::bigint)::text, 'as the runtime role, recent usage is read');
reset role;

select * from finish();
rollback;
