-- api.record_usage refuses an event whose occurredAt is more than 5 minutes
-- ahead of the database's clock (a clock running ahead would file it on a
-- day still to come): RVINV naming events[i].occurredAt; a little ahead
-- (clock skew within 5 minutes) is recorded.
begin;
select plan(3);

select throws_ok(format($$select * from api.record_usage('[{"requestId": "f1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
    "model": "m", "occurredAt": "%s"}]')$$, to_char((now() + interval '10 minutes') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
  'RVINV', 'events[0].occurredAt: must not be more than 5 minutes ahead of the database''s clock',
  'ten minutes ahead: RVINV naming the field');
select is((select recorded from api.record_usage(format('[{"requestId": "f2", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
    "model": "m", "occurredAt": "%s"}]', to_char((now() + interval '2 minutes') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))::jsonb)),
  true, 'two minutes ahead (clock skew): recorded');
select is((select count(*) from relaypg.usage_events where request_id = 'f1'), 0::bigint, 'nothing of the refused event is stored');

select * from finish();
rollback;
