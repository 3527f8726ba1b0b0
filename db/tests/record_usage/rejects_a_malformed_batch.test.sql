-- api.record_usage raises RVINV (COLUMN events) when the batch is not a JSON
-- array or holds more than 5000 events; 5000 are accepted.
begin;
select plan(8);

select throws_ok($$select * from api.record_usage('{"requestId": "x"}')$$, 'RVINV', null,
  'an object instead of an array raises RVINV');
select is(tests.error_column($$select * from api.record_usage('{"requestId": "x"}')$$), 'events',
  'the error names events');
select throws_ok($$select * from api.record_usage(null)$$, 'RVINV', null, 'a missing batch raises RVINV');
select is(tests.error_column($$select * from api.record_usage('"[]"')$$), 'events',
  'a JSON string is not an array either');

create function pg_temp.batch(p_count integer) returns jsonb language sql
return (select jsonb_agg(jsonb_build_object('requestId', 'big-' || i, 'apiKeyId', '00000000-0000-4000-8000-0000000000a1',
                                            'model', 'claude-sonnet-4-20250514', 'occurredAt', '2025-09-15T01:00:00Z'))
          from generate_series(1, p_count) i);

select throws_ok(format('select * from api.record_usage(%L)', pg_temp.batch(5001)), 'RVINV', null,
  '5001 events raise RVINV');
select is(tests.error_info(format('select * from api.record_usage(%L)', pg_temp.batch(5001))) ->> 'message',
  'events: at most 5000 events per call', 'the error names events and the limit');
select is((select count(*) from relaypg.usage_events), 0::bigint, 'nothing of a refused batch is stored');

select is((select count(*) from api.record_usage(pg_temp.batch(5000)) r where r.recorded), 5000::bigint,
  '5000 events are recorded');

select * from finish();
rollback;
