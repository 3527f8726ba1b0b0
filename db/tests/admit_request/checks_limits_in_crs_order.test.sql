-- api.admit_request checks the limits in CRS's order: concurrency (LMCON),
-- the window's requests (LMREQ), its tokens (LMTOK), the daily cost (LMDAY),
-- the weekly Opus cost (LMOPS). Here every limit of one key is exhausted and
-- lifted one at a time, each refusal naming the next limit.
begin;
select plan(6);

select tests.create_key('k1', '{"concurrency_limit": 1, "rate_limit_window": 60, "rate_limit_requests": 1,
                                "token_limit": 10, "daily_cost_limit": 1, "weekly_opus_cost_limit": 1}');
create function pg_temp.admit(p_request_id text) returns void language sql volatile
begin atomic
  select api.admit_request(tests.key_id('k1'), (tests.key(tests.key_id('k1'))).auth_version, p_request_id, 'claude',
                           'claude-opus-4-1-20250805', p_select => false);
end;

select lives_ok($$select pg_temp.admit('r1')$$, 'the first request is admitted (lease taken, window opened)');
update relaypg.api_key_usage set window_tokens = 10 where api_key_id = tests.key_id('k1');
insert into relaypg.api_key_daily_usage (api_key_id, day, requests, cost, opus_cost)
values (tests.key_id('k1'), (now() at time zone relaypg.usage_time_zone())::date, 1, 1, 1);

select throws_ok($$select pg_temp.admit('r2')$$, 'LMCON', null, 'with every limit reached, concurrency comes first');
select api.release_lease('r1');
select throws_ok($$select pg_temp.admit('r2')$$, 'LMREQ', null, 'then the window''s requests');
update relaypg.api_key_usage set window_requests = 0 where api_key_id = tests.key_id('k1');
select throws_ok($$select pg_temp.admit('r2')$$, 'LMTOK', null, 'then the window''s tokens');
update relaypg.api_key_usage set window_tokens = 0 where api_key_id = tests.key_id('k1');
select throws_ok($$select pg_temp.admit('r2')$$, 'LMDAY', null, 'then the daily cost');
update relaypg.api_key_daily_usage set cost = 0 where api_key_id = tests.key_id('k1');
select throws_ok($$select pg_temp.admit('r2')$$, 'LMOPS', null, 'then the weekly Opus cost');

select * from finish();
rollback;
