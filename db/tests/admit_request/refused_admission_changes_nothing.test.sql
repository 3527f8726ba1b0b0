-- api.admit_request is all or nothing: a call refused after it took its lease
-- and counted its window request (LMREQ, LMDAY, or SLNAV from the account
-- selection) leaves no lease, no counted request, no newly opened window and
-- no new ledger row. throws_ok runs each call in a subtransaction (an
-- exception block), so the state read afterwards is what the failed call left.
begin;
select plan(12);

select tests.create_key('requests', '{"concurrency_limit": 5, "rate_limit_window": 60, "rate_limit_requests": 1}');
select tests.create_key('daily', '{"concurrency_limit": 5, "rate_limit_window": 60, "rate_limit_requests": 10, "daily_cost_limit": 1}');
select tests.create_key('no-account', '{"concurrency_limit": 5, "rate_limit_window": 60, "rate_limit_requests": 10}');
create function pg_temp.admit(p_key text, p_request_id text, p_select boolean default false) returns void
language sql volatile
begin atomic
  select api.admit_request(tests.key_id(p_key), (tests.key(tests.key_id(p_key))).auth_version, p_request_id, 'claude',
                           'claude-sonnet-4-20250514', 'session-1', p_select);
end;
create function pg_temp.leases(p_key text) returns text[] language sql stable
return (select coalesce(array_agg(l.request_id order by l.request_id), '{}') from relaypg.concurrency_leases l
         where l.api_key_id = tests.key_id(p_key));
create function pg_temp.window_of(p_key text) returns text language sql stable
return (select row(u.window_ends_at, u.window_requests, u.window_tokens)::text from relaypg.api_key_usage u
         where u.api_key_id = tests.key_id(p_key));

-- LMREQ: refused after the lease was taken.
select pg_temp.admit('requests', 'q1');
select throws_ok($$select pg_temp.admit('requests', 'q2')$$, 'LMREQ', null, 'the second request of the window raises LMREQ');
select is(pg_temp.leases('requests'), array['q1'], 'the refused request holds no lease');
select is(pg_temp.window_of('requests'), row(now() + interval '60 minutes', 1::bigint, 0::bigint)::text,
  'and is not counted in the window');

-- LMDAY: refused after the lease, the ledger row and the window request.
insert into relaypg.api_key_daily_usage (api_key_id, day, requests, cost)
values (tests.key_id('daily'), (now() at time zone relaypg.usage_time_zone())::date, 1, 1);
select throws_ok($$select pg_temp.admit('daily', 'd1')$$, 'LMDAY', null, 'a request over the daily cost raises LMDAY');
select is(pg_temp.leases('daily'), '{}'::text[], 'it holds no lease');
select is(pg_temp.window_of('daily'), null, 'and the ledger row its call created is gone with its window');

-- LMDAY again, once a window has ended: the new window the call opened is undone.
update relaypg.api_key_usage set window_ends_at = now() - interval '1 minute', window_requests = 1, window_tokens = 7
 where api_key_id = tests.key_id('requests');
update relaypg.api_keys set daily_cost_limit = 1 where id = tests.key_id('requests');
insert into relaypg.api_key_daily_usage (api_key_id, day, requests, cost)
values (tests.key_id('requests'), (now() at time zone relaypg.usage_time_zone())::date, 1, 5);
select throws_ok($$select pg_temp.admit('requests', 'q3')$$, 'LMDAY', null,
  'after its window ended, a request over the daily cost raises LMDAY');
select is(pg_temp.window_of('requests'), row(now() - interval '1 minute', 1::bigint, 7::bigint)::text,
  'the ended window is left as it was, not replaced by a new one');
select is(pg_temp.leases('requests'), array['q1'], 'and no lease was added');

-- SLNAV: refused by the account selection, after every limit passed.
select throws_ok($$select pg_temp.admit('no-account', 'n1', true)$$, 'SLNAV', null,
  'with no account to serve it, the admission raises SLNAV');
select is(pg_temp.leases('no-account'), '{}'::text[], 'the request holds no lease');
select is(row(pg_temp.window_of('no-account'), (select count(*) from relaypg.sticky_sessions))::text,
  row(null::text, 0::bigint)::text, 'no ledger row, no window request and no sticky mapping are left');

select * from finish();
rollback;
