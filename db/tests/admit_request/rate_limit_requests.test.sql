-- api.admit_request raises LMREQ once the window has counted
-- rate_limit_requests admissions, DETAIL {limit, current, resetAt =
-- window_ends_at}. A new window starts with the first admission after
-- window_ends_at has passed (the same instant counting as passed): all of the
-- window's counters start again and the request is admitted. Time is moved by
-- setting window_ends_at back (now() is fixed inside the transaction).
begin;
select plan(7);

select tests.create_key('k1', '{"rate_limit_window": 30, "rate_limit_requests": 2}');
create function pg_temp.admit(p_request_id text) returns void language sql volatile
begin atomic
  select api.admit_request(tests.key_id('k1'), (tests.key(tests.key_id('k1'))).auth_version, p_request_id, 'claude',
                           'claude-sonnet-4-20250514', p_select => false);
end;
create function pg_temp.ledger() returns text language sql stable
return (select row(u.window_started_at, u.window_ends_at, u.window_requests, u.window_tokens, u.window_cost)::text
          from relaypg.api_key_usage u where u.api_key_id = tests.key_id('k1'));

select lives_ok($$select pg_temp.admit('r1')$$, 'the first request of the window is admitted');
select lives_ok($$select pg_temp.admit('r2')$$, 'so is the second');
select throws_ok($$select pg_temp.admit('r3')$$, 'LMREQ', null, 'the third raises LMREQ');
select is((tests.error_info($$select pg_temp.admit('r3')$$) ->> 'detail')::jsonb,
  jsonb_build_object('limit', 2, 'current', 2, 'resetAt', now() + interval '30 minutes'),
  'its detail gives the limit, the window''s requests and the window''s end');
select is(pg_temp.ledger(), row(now(), now() + interval '30 minutes', 2::bigint, 0::bigint, 0::numeric)::text,
  'the refused request is not counted');

-- The window has ended: window_ends_at is now, with tokens and cost recorded in it.
update relaypg.api_key_usage
   set window_started_at = now() - interval '30 minutes', window_ends_at = now(), window_tokens = 500, window_cost = 1.25
 where api_key_id = tests.key_id('k1');
select lives_ok($$select pg_temp.admit('r3')$$, 'once window_ends_at has passed, the request is admitted');
select is(pg_temp.ledger(), row(now(), now() + interval '30 minutes', 1::bigint, 0::bigint, 0::numeric)::text,
  'in a new window from now, whose requests, tokens and cost start again');

select * from finish();
rollback;
