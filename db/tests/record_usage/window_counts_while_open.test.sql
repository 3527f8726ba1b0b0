-- api.record_usage adds an event's tokens (input + output + cache writes +
-- cache reads) and cost to its key's rate-limit window (window_tokens,
-- window_cost in relaypg.api_key_usage) only while the window is open
-- (window_ends_at > now()); lifetime totals grow regardless. Nothing here
-- opens windows, so window_ends_at is set by hand.
begin;
select plan(4);

create function pg_temp.record(p_id text, p_tokens integer) returns void language sql
begin atomic
  select api.record_usage(jsonb_build_array(jsonb_build_object('requestId', p_id,
    'apiKeyId', '00000000-0000-4000-8000-0000000000a1', 'model', 'claude-sonnet-4-20250514',
    'occurredAt', '2025-09-15T01:00:00Z', 'inputTokens', p_tokens, 'outputTokens', p_tokens,
    'cacheCreationTokens', p_tokens, 'cacheReadTokens', p_tokens)));
end;

select pg_temp.record('w-1', 1);
select is((select row(window_tokens, window_cost) from relaypg.api_key_usage
            where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(0::bigint, 0::numeric), 'without a window, nothing is added to it');

update relaypg.api_key_usage set window_started_at = now(), window_ends_at = now() + interval '1 hour'
 where api_key_id = '00000000-0000-4000-8000-0000000000a1';
select pg_temp.record('w-2', 10);
select pg_temp.record('w-3', 100);
select is((select row(window_tokens, window_cost) from relaypg.api_key_usage
            where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(440::bigint, (select sum(cost_total) from relaypg.usage_events where request_id in ('w-2', 'w-3'))),
  'while the window is open, every token class and the cost of each request are added');

update relaypg.api_key_usage set window_ends_at = now()
 where api_key_id = '00000000-0000-4000-8000-0000000000a1';
select pg_temp.record('w-4', 1000);
select is((select window_tokens from relaypg.api_key_usage where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  440::bigint, 'once window_ends_at is not after now(), the window stops growing');
select is((select row(requests, input_tokens) from relaypg.api_key_usage
            where api_key_id = '00000000-0000-4000-8000-0000000000a1'),
  row(4::bigint, 1111::bigint), 'the lifetime totals count every request');

select * from finish();
rollback;
