-- api.record_usage: the runtime role may call it (security definer, writing
-- the private usage tables) and the event it records is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.record_usage(jsonb)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'record_usage', array['jsonb'], 'record_usage is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select row(r.request_id, r.recorded)::text from api.record_usage($$[{"requestId": "priv-1",
            "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "claude-sonnet-4-20250514", "inputTokens": 5}]$$) r),
  row('priv-1', true)::text, 'as the runtime role, an event is recorded');
reset role;

select is((select row(e.input_tokens, u.requests)::text from relaypg.usage_events e
             join relaypg.api_key_usage u on u.api_key_id = e.api_key_id where e.request_id = 'priv-1'),
  row(5::bigint, 1::bigint)::text, 'the event and its ledger row recorded as the runtime role are stored');

select * from finish();
rollback;
