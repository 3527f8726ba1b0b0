-- api.key_usage: the runtime role may call it (security definer, reading the
-- private ledger).
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.key_usage(uuid, timestamptz)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'key_usage', array['uuid', 'timestamp with time zone'], 'key_usage is security definer');

select api.record_usage($$[{"requestId": "p1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "model": "claude-sonnet-4-20250514", "inputTokens": 9}]$$);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select input_tokens from api.key_usage('00000000-0000-4000-8000-0000000000a1') where period = 'today'), 9::bigint,
  'as the runtime role, the key''s usage is read');
reset role;

select * from finish();
rollback;
