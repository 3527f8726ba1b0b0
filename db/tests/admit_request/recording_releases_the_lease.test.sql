-- A recorded request's concurrency lease is gone: api.record_usage ends the
-- lease of every request id of its batch (recording is the release), which
-- frees its slot for the next request; leases of requests not in the batch
-- stay.
begin;
select plan(6);

select tests.create_key('k1', '{"concurrency_limit": 2}');
create function pg_temp.admit(p_request_id text) returns timestamptz language sql volatile
return (select a.lease_expires_at
          from api.admit_request(tests.key_id('k1'), (tests.key(tests.key_id('k1'))).auth_version, p_request_id, 'claude',
                                 'claude-sonnet-4-20250514', p_select => false) a);
create function pg_temp.record(p_request_id text) returns boolean language sql volatile
return (select r.recorded from api.record_usage(jsonb_build_array(jsonb_build_object(
          'requestId', p_request_id, 'apiKeyId', tests.key_id('k1'), 'model', 'claude-sonnet-4-20250514',
          'inputTokens', 10, 'outputTokens', 5))) r);
create function pg_temp.leases() returns text[] language sql stable
return (select coalesce(array_agg(l.request_id order by l.request_id), '{}') from relaypg.concurrency_leases l);

select pg_temp.admit('r1');
select pg_temp.admit('r2');
select throws_ok($$select pg_temp.admit('r3')$$, 'LMCON', null, 'with r1 and r2 in flight, the key is at its limit');

select is(pg_temp.record('r1'), true, 'r1 is recorded');
select is(pg_temp.leases(), array['r2'], 'its lease is gone, r2''s stays');
select is(pg_temp.admit('r3'), now() + interval '10 minutes', 'its slot is free for the next request');

select api.record_usage(jsonb_build_array(
  jsonb_build_object('requestId', 'r2', 'apiKeyId', tests.key_id('k1'), 'model', 'claude-sonnet-4-20250514', 'inputTokens', 1),
  jsonb_build_object('requestId', 'r3', 'apiKeyId', tests.key_id('k1'), 'model', 'claude-sonnet-4-20250514', 'inputTokens', 1)));
select is(pg_temp.leases(), '{}'::text[], 'a batch ends the lease of each of its requests');
select is(pg_temp.record('never-admitted'), true, 'recording a request that held no lease is fine');

select * from finish();
rollback;
