-- api.key_usage's total: at now (p_at default) the key's lifetime running
-- totals; at a past p_at, the sum of the whole local days (usage time zone)
-- up to and including p_at's own day, so events later that day count too.
begin;
select plan(3);

create function pg_temp.record(p_tokens integer, p_at text) returns void language sql
begin atomic
  select api.record_usage(jsonb_build_array(jsonb_build_object('requestId', 'k-' || p_tokens,
    'apiKeyId', '00000000-0000-4000-8000-0000000000a1', 'model', 'claude-sonnet-4-20250514',
    'occurredAt', p_at, 'inputTokens', p_tokens)));
end;
select pg_temp.record(1, '2025-08-31T03:00:00Z');     -- local 08-31
select pg_temp.record(2, '2025-09-17T01:00:00Z');     -- local 09-17 09:00
select pg_temp.record(4, '2025-09-17T15:00:00Z');     -- local 09-17 23:00
select pg_temp.record(8, '2025-09-17T16:00:00Z');     -- local 09-18 00:00
select pg_temp.record(16, '2025-10-20T03:00:00Z');    -- local 10-20

select is((select row(requests, input_tokens)::text from api.key_usage('00000000-0000-4000-8000-0000000000a1') where period = 'total'),
  row(5::bigint, 31::bigint)::text, 'at now, the total is the lifetime figures');
select is((select row(requests, input_tokens)::text from api.key_usage('00000000-0000-4000-8000-0000000000a1', '2025-09-17T04:00:00Z')
            where period = 'total'),
  row(3::bigint, 7::bigint)::text, 'at a past instant, the total holds the whole local days up to its own (09-17, 23:00 included)');
select is((select input_tokens from api.key_usage('00000000-0000-4000-8000-0000000000a1', '2025-09-17T16:30:00Z') where period = 'total'),
  15::bigint, 'half an hour after local midnight, the next day is included');

select * from finish();
rollback;
