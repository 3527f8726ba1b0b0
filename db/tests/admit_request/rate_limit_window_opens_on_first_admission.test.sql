-- api.admit_request opens a key's rate-limit window (CRS's fixed window) on
-- the first admission: window_started_at = now(), window_ends_at = now() +
-- rate_limit_window minutes, with this request counted; later admissions in
-- the window count their request in it without moving it. Admission counts
-- window requests only: lifetime figures are recording's.
begin;
select plan(4);

select tests.create_key('k1', '{"rate_limit_window": 60, "rate_limit_requests": 10}');
create function pg_temp.admit(p_request_id text) returns void language sql volatile
begin atomic
  select api.admit_request(tests.key_id('k1'), (tests.key(tests.key_id('k1'))).auth_version, p_request_id, 'claude',
                           'claude-sonnet-4-20250514', p_select => false);
end;
create function pg_temp.ledger() returns text language sql stable
return (select row(u.window_started_at, u.window_ends_at, u.window_requests, u.window_tokens, u.window_cost)::text
          from relaypg.api_key_usage u where u.api_key_id = tests.key_id('k1'));

select is(pg_temp.ledger(), null, 'before its first request the key has no ledger row');
select pg_temp.admit('r1');
select is(pg_temp.ledger(), row(now(), now() + interval '60 minutes', 1::bigint, 0::bigint, 0::numeric)::text,
  'the first admission opens a window of rate_limit_window minutes from now, counting itself');
select pg_temp.admit('r2');
select pg_temp.admit('r3');
select is(pg_temp.ledger(), row(now(), now() + interval '60 minutes', 3::bigint, 0::bigint, 0::numeric)::text,
  'later admissions are counted in the same window');
select is((select row(u.requests, u.first_used_at)::text from relaypg.api_key_usage u where u.api_key_id = tests.key_id('k1')),
  row(0::bigint, null::timestamptz)::text, 'the lifetime figures are not touched by admission');

select * from finish();
rollback;
