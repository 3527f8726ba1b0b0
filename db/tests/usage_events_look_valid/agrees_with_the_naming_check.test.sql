-- relaypg.usage_events_look_valid is the cheap pass api.record_usage runs
-- before its naming check: it must never accept a batch
-- relaypg.check_usage_events refuses (that would let a malformed event in),
-- and it should accept the well-formed ones (else every call pays for the
-- slow check). Each case below is one event in a batch of its own, merged
-- over a valid event; every field of the naming check has a bad case.
begin;
select plan(6);

create temporary table cases (label text, event jsonb, valid boolean);
insert into cases values
  ('minimal', '{}', true),
  ('every field', '{"accountId": "00000000-0000-4000-8000-0000000000b1", "accountKind": "claude-official",
    "occurredAt": "2025-09-16T04:00:00.000Z", "inputTokens": 10, "outputTokens": 20, "cacheCreationTokens": 30,
    "cacheCreation5mTokens": 10, "cacheCreation1hTokens": 20, "cacheReadTokens": 40, "stream": true, "status": 529,
    "durationMs": 1234, "costPath": "plain"}', true),
  ('optional fields null', '{"accountId": null, "accountKind": null, "occurredAt": null, "inputTokens": null,
    "stream": null, "status": null, "durationMs": null, "costPath": null}', true),
  ('upper-case UUID', '{"apiKeyId": "00000000-0000-4000-8000-0000000000A1"}', true),
  ('offset +08:00 on the 31st', '{"occurredAt": "2025-08-31T23:59:59+08:00"}', true),
  ('offset without colon, no seconds', '{"occurredAt": "2025-09-16 04:00+0800"}', true),
  ('29 February of a leap year', '{"occurredAt": "2024-02-29T00:00:00Z"}', true),
  ('tokens at 10^12', '{"inputTokens": 1000000000000}', true),
  ('an exponent', '{"inputTokens": 1e3}', true),
  ('unknown fields ignored', '{"extra": [1, 2]}', true),
  ('requestId a number', '{"requestId": 12}', false),
  ('requestId empty', '{"requestId": ""}', false),
  ('requestId too long', jsonb_build_object('requestId', repeat('r', 129)), false),
  ('requestId missing', '{"requestId": null}', false),
  ('apiKeyId missing', '{"apiKeyId": null}', false),
  ('apiKeyId in braces', '{"apiKeyId": "{00000000-0000-4000-8000-0000000000a1}"}', false),
  ('apiKeyId without hyphens', '{"apiKeyId": "000000000000400080000000000000a1"}', false),
  ('accountId not a UUID', '{"accountId": "acct"}', false),
  ('accountId a number', '{"accountId": 5}', false),
  ('accountKind unknown', '{"accountKind": "claude"}', false),
  ('accountKind a number', '{"accountKind": 1}', false),
  ('model a number', '{"model": 4}', false),
  ('model empty', '{"model": ""}', false),
  ('model too long', jsonb_build_object('model', repeat('m', 201)), false),
  ('occurredAt without offset', '{"occurredAt": "2025-09-16T04:00:00"}', false),
  ('occurredAt a date', '{"occurredAt": "2025-09-16"}', false),
  ('occurredAt a word', '{"occurredAt": "now"}', false),
  ('occurredAt a number', '{"occurredAt": 1758000000}', false),
  ('occurredAt 31 September', '{"occurredAt": "2025-09-31T00:00:00Z"}', false),
  ('occurredAt 29 February of 2025', '{"occurredAt": "2025-02-29T00:00:00Z"}', false),
  ('occurredAt year 0', '{"occurredAt": "0000-01-01T00:00:00Z"}', false),
  ('occurredAt hour 24', '{"occurredAt": "2025-09-16T24:00:00Z"}', false),
  ('occurredAt offset +16', '{"occurredAt": "2025-09-16T04:00:00+16:00"}', false),
  ('occurredAt far ahead', jsonb_build_object('occurredAt', to_char((now() + interval '1 hour') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')), false),
  ('stream a string', '{"stream": "true"}', false),
  ('stream a number', '{"stream": 1}', false),
  ('costPath unknown', '{"costPath": "stream"}', false),
  ('costPath a number', '{"costPath": 1}', false),
  ('status 600', '{"status": 600}', false),
  ('status 99', '{"status": 99}', false),
  ('status with fraction digits', '{"status": 200.0}', false),
  ('status a string', '{"status": "200"}', false),
  ('inputTokens negative', '{"inputTokens": -1}', false),
  ('outputTokens a fraction', '{"outputTokens": 1.5}', false),
  ('cacheCreationTokens a string', '{"cacheCreationTokens": "15"}', false),
  ('cacheCreation5mTokens above 10^12', '{"cacheCreation5mTokens": 1000000000001}', false),
  ('cacheCreation1hTokens a boolean', '{"cacheCreation1hTokens": true}', false),
  ('cacheReadTokens with fraction digits', '{"cacheReadTokens": 5.0}', false),
  ('durationMs negative', '{"durationMs": -5}', false),
  ('durationMs above 2^31 - 1', '{"durationMs": 2147483648}', false),
  ('split larger than the writes', '{"cacheCreationTokens": 10, "cacheCreation5mTokens": 8, "cacheCreation1hTokens": 8}', false);

create function pg_temp.batch(p_event jsonb) returns jsonb language sql
return jsonb_build_array('{"requestId": "r", "apiKeyId": "00000000-0000-4000-8000-0000000000a1", "model": "m"}'::jsonb || p_event);

-- The list itself is right: the naming check accepts exactly the valid cases.
select is(
  (select array_agg(c.label order by c.label) from cases c
    where (tests.error_info(format('select relaypg.check_usage_events(%L)', pg_temp.batch(c.event))) is null) <> c.valid),
  null, 'relaypg.check_usage_events accepts exactly the cases marked valid');
select is(
  (select array_agg(c.label order by c.label) from cases c
    where not c.valid and relaypg.usage_events_look_valid(pg_temp.batch(c.event))),
  null, 'no case the naming check refuses looks valid');
select is(
  (select array_agg(c.label order by c.label) from cases c
    where c.valid and not relaypg.usage_events_look_valid(pg_temp.batch(c.event))),
  null, 'every valid case looks valid (the naming check is not needed for it)');

select ok(relaypg.usage_events_look_valid((select jsonb_agg(pg_temp.batch(c.event) -> 0) from cases c where c.valid)),
  'a batch of every valid case looks valid');
select ok(not relaypg.usage_events_look_valid(
    (select jsonb_agg(pg_temp.batch(c.event) -> 0) from cases c where c.valid) || '["not an event"]'::jsonb),
  'a batch with an element that is not an object does not');
select ok(not relaypg.usage_events_look_valid('{}') and not relaypg.usage_events_look_valid(null)
          and not relaypg.usage_events_look_valid((select jsonb_agg(pg_temp.batch('{}') -> 0) from generate_series(1, 5001))),
  'nor does an object, null, or a batch of more than 5000 events');

select * from finish();
rollback;
