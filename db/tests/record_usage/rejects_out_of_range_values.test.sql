-- api.record_usage raises RVINV naming the field for values that pass the
-- shape checks but cannot be stored: an occurredAt that is not a real date
-- or time (February 30th, hour 24, year 0), a durationMs above the integer
-- range of usage_events.duration_ms. Any other SQLSTATE would reach the
-- client as an internal error instead of invalid_input.
begin;
select plan(8);

create function pg_temp.event(p_fields jsonb) returns text language sql
return format('select * from api.record_usage(%L)', jsonb_build_array(jsonb_build_object(
  'requestId', 'range-1', 'apiKeyId', '00000000-0000-4000-8000-0000000000a1', 'model', 'claude-sonnet-4-20250514') || p_fields));

select throws_ok(pg_temp.event('{"occurredAt": "2025-02-30T00:00:00Z"}'), 'RVINV', null,
  'February 30th raises RVINV');
select is(tests.error_column(pg_temp.event('{"occurredAt": "2025-02-30T00:00:00Z"}')), 'events[0].occurredAt',
  'the error names events[0].occurredAt');
select throws_ok(pg_temp.event('{"occurredAt": "2025-09-15T24:30:00Z"}'), 'RVINV', null,
  'hour 24 raises RVINV');
select throws_ok(pg_temp.event('{"occurredAt": "0000-09-15T10:30:00Z"}'), 'RVINV', null,
  'year 0 raises RVINV');

select throws_ok(pg_temp.event('{"durationMs": 3000000000}'), 'RVINV', null,
  'a durationMs above 2147483647 raises RVINV');
select is(tests.error_column(pg_temp.event('{"durationMs": 3000000000}')), 'events[0].durationMs',
  'the error names events[0].durationMs');
select lives_ok(pg_temp.event('{"durationMs": 2147483647}'), 'a durationMs of 2147483647 is recorded');
select is((select duration_ms from relaypg.usage_events where request_id = 'range-1'), 2147483647, 'and stored');

select * from finish();
rollback;
