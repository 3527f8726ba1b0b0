-- api.admit_request refuses with LMTOK once the window's tokens reach
-- token_limit and with LMCST once its cost reaches rate_limit_cost, DETAIL
-- {limit, current, resetAt = window_ends_at}. As in CRS, a key with a token
-- limit is never refused for the window's cost. The window's tokens and cost
-- are set by hand (recording adds them).
begin;
select plan(9);

select tests.create_key('tokens-and-cost', '{"rate_limit_window": 60, "token_limit": 100, "rate_limit_cost": 1}');
select tests.create_key('cost', '{"rate_limit_window": 60, "rate_limit_cost": 1.5}');
create function pg_temp.admit(p_key text, p_request_id text) returns void language sql volatile
begin atomic
  select api.admit_request(tests.key_id(p_key), (tests.key(tests.key_id(p_key))).auth_version, p_request_id, 'claude',
                           'claude-sonnet-4-20250514', p_select => false);
end;
create function pg_temp.set_window(p_key text, p_tokens bigint, p_cost numeric) returns void language sql volatile
begin atomic
  update relaypg.api_key_usage set window_tokens = p_tokens, window_cost = p_cost where api_key_id = tests.key_id(p_key);
end;

select lives_ok($$select pg_temp.admit('tokens-and-cost', 't1')$$, 'the first request opens the window');
select pg_temp.set_window('tokens-and-cost', 99, 5);
select lives_ok($$select pg_temp.admit('tokens-and-cost', 't2')$$,
  'under the token limit, a request is admitted although the window''s cost is over rate_limit_cost');
select pg_temp.set_window('tokens-and-cost', 100, 0);
select throws_ok($$select pg_temp.admit('tokens-and-cost', 't3')$$, 'LMTOK', null, 'at the token limit, LMTOK');
select is((tests.error_info($$select pg_temp.admit('tokens-and-cost', 't3')$$) ->> 'detail')::jsonb,
  jsonb_build_object('limit', 100, 'current', 100, 'resetAt', now() + interval '60 minutes'),
  'its detail gives the token limit, the window''s tokens and the window''s end');
select is((select window_requests from relaypg.api_key_usage where api_key_id = tests.key_id('tokens-and-cost')), 2::bigint,
  'the refused request is not counted in the window');

select lives_ok($$select pg_temp.admit('cost', 'c1')$$, 'a key with only a cost limit opens its window');
select pg_temp.set_window('cost', 1000000, 1.4999);
select lives_ok($$select pg_temp.admit('cost', 'c2')$$, 'under the cost limit it is admitted, whatever its tokens');
select pg_temp.set_window('cost', 0, 1.5);
select throws_ok($$select pg_temp.admit('cost', 'c3')$$, 'LMCST', null, 'at the cost limit, LMCST');
select is((tests.error_info($$select pg_temp.admit('cost', 'c3')$$) ->> 'detail')::jsonb,
  jsonb_build_object('limit', 1.5, 'current', 1.5, 'resetAt', now() + interval '60 minutes'),
  'its detail gives the cost limit, the window''s cost and the window''s end');

select * from finish();
rollback;
