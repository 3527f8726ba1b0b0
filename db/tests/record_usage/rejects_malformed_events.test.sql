-- api.record_usage raises RVINV for the first malformed event of a batch,
-- COLUMN naming it as events[<index from 0>].<field>: a missing requestId, an
-- apiKeyId that is not a UUID, an unknown accountKind, a negative or
-- fractional token count, an occurredAt that is not an ISO instant with its
-- offset, cacheCreationTokens below cacheCreation5mTokens +
-- cacheCreation1hTokens. Nothing of the batch is stored.
begin;
select plan(17);

-- A batch of a valid event followed by p_bad (a valid event with p_bad's fields merged).
create function pg_temp.batch(p_bad jsonb) returns text language sql
return format('select * from api.record_usage(%L)', jsonb_build_array(
  jsonb_build_object('requestId', 'ok-1', 'apiKeyId', '00000000-0000-4000-8000-0000000000a1',
                     'model', 'claude-sonnet-4-20250514', 'occurredAt', '2025-09-15T01:00:00Z'),
  jsonb_build_object('requestId', 'bad-1', 'apiKeyId', '00000000-0000-4000-8000-0000000000a1',
                     'model', 'claude-sonnet-4-20250514', 'occurredAt', '2025-09-15T01:00:00Z') || p_bad));

select throws_ok(pg_temp.batch('{"requestId": null}'), 'RVINV', null, 'a missing requestId raises RVINV');
select is(tests.error_column(pg_temp.batch('{"requestId": null}')), 'events[1].requestId',
  'the error names events[1].requestId');
select is(tests.error_info(pg_temp.batch('{"requestId": null}')) ->> 'message',
  'events[1].requestId: must be a string of 1 to 128 characters', 'the message starts with the field');

select throws_ok(pg_temp.batch('{"apiKeyId": "key-1"}'), 'RVINV', null, 'an apiKeyId that is not a UUID raises RVINV');
select is(tests.error_column(pg_temp.batch('{"apiKeyId": "key-1"}')), 'events[1].apiKeyId',
  'the error names events[1].apiKeyId');

select throws_ok(pg_temp.batch('{"accountKind": "claude"}'), 'RVINV', null, 'an unknown accountKind raises RVINV');
select is(tests.error_column(pg_temp.batch('{"accountKind": "claude"}')), 'events[1].accountKind',
  'the error names events[1].accountKind');

select throws_ok(pg_temp.batch('{"inputTokens": -1}'), 'RVINV', null, 'negative tokens raise RVINV');
select is(tests.error_column(pg_temp.batch('{"inputTokens": -1}')), 'events[1].inputTokens',
  'the error names events[1].inputTokens');
select throws_ok(pg_temp.batch('{"outputTokens": 1.5}'), 'RVINV', null, 'fractional tokens raise RVINV');
select is(tests.error_column(pg_temp.batch('{"cacheReadTokens": 1.5}')), 'events[1].cacheReadTokens',
  'the error names the fractional field (events[1].cacheReadTokens)');

select throws_ok(pg_temp.batch('{"occurredAt": "2025-09-15 17:00:00"}'), 'RVINV', null,
  'an occurredAt without its offset raises RVINV');
select is(tests.error_column(pg_temp.batch('{"occurredAt": "yesterday"}')), 'events[1].occurredAt',
  'the error names events[1].occurredAt');

select throws_ok(pg_temp.batch('{"cacheCreationTokens": 10, "cacheCreation5mTokens": 8, "cacheCreation1hTokens": 5}'),
  'RVINV', null, 'cacheCreationTokens below the 5m + 1h split raises RVINV');
select is(tests.error_column(pg_temp.batch('{"cacheCreationTokens": 10, "cacheCreation5mTokens": 8, "cacheCreation1hTokens": 5}')),
  'events[1].cacheCreationTokens', 'the error names events[1].cacheCreationTokens');

select is((select count(*) from relaypg.usage_events), 0::bigint,
  'nothing of a refused batch is stored (not even its valid first event)');
select lives_ok(pg_temp.batch('{}'), 'the same batch without the bad field is valid');

select * from finish();
rollback;
