-- relaypg.check_usage_events raises RVINV naming events[i].field (i from 0)
-- for the first malformed field of the first malformed event, and returns
-- quietly for a valid batch: an element that is not an object is named
-- events[i].event; optional fields may be null.
begin;
select plan(7);

create function pg_temp.check(p_events text) returns text language sql
return format('select relaypg.check_usage_events(%L)', p_events);

select lives_ok(pg_temp.check($$[{"requestId": "r", "apiKeyId": "00000000-0000-4000-8000-0000000000A1", "model": "m",
  "accountId": null, "accountKind": null, "occurredAt": null, "inputTokens": null, "stream": null, "status": null,
  "costPath": null}]$$), 'a valid batch passes (an upper-case UUID, optional fields null)');
select lives_ok(pg_temp.check('[]'), 'an empty batch passes');
select is(tests.error_column(pg_temp.check($$[{"requestId": "r", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "m"},
  "not an event"]$$)), 'events[1].event', 'an element that is not an object is events[i].event');
select is(tests.error_column(pg_temp.check($$[{"requestId": "r", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "m"},
  {"requestId": "r", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "m", "costPath": "stream"},
  {"requestId": "r", "apiKeyId": "bad", "model": "m"}]$$)), 'events[1].costPath', 'the first bad event is named');
select is(tests.error_column(pg_temp.check(jsonb_build_array(jsonb_build_object('requestId', repeat('r', 129),
  'apiKeyId', '00000000-0000-4000-8000-0000000000a1', 'model', 'm'))::text)), 'events[0].requestId',
  'a requestId longer than 128 characters is refused');
select is(tests.error_column(pg_temp.check($$[{"requestId": "r", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "m",
  "status": 600}]$$)), 'events[0].status', 'a status outside 100..599 is refused');
select is(tests.error_column(pg_temp.check($$[{"requestId": "r", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "m",
  "inputTokens": 9007199254740992}]$$)), 'events[0].inputTokens', 'a token count above 2^53 - 1 is refused');

select * from finish();
rollback;
