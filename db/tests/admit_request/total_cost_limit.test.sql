-- api.admit_request raises LMTOT once the key's lifetime cost (its ledger,
-- relaypg.api_key_usage.cost) reaches total_cost_limit, whatever the model
-- or the day; the DETAIL has no resetAt (the lifetime cost never resets). A
-- key without the limit (null, as 000001's create leaves it, or 0) is not
-- refused. The setting is validated like the other money limits.
begin;
select plan(7);

select tests.create_key('k1', '{"total_cost_limit": "10"}');
select tests.create_key('k0');
create function pg_temp.admit(p_key text, p_request_id text) returns void language sql volatile
begin atomic
  select api.admit_request(tests.key_id(p_key), (tests.key(tests.key_id(p_key))).auth_version, p_request_id, 'claude',
                           'claude-sonnet-4-20250514', p_select => false);
end;

select is((tests.key(tests.key_id('k1'))).total_cost_limit, 10::numeric, 'create stores the total cost limit');
select is((api.get_api_key(tests.key_id('k1'))).total_cost_limit, 10::numeric, 'get returns it');

insert into relaypg.api_key_usage (api_key_id, cost) values (tests.key_id('k1'), 9.99), (tests.key_id('k0'), 1000);
select lives_ok($$select pg_temp.admit('k1', 'r1')$$, 'under the limit (9.99 of 10): admitted');
update relaypg.api_key_usage set cost = 10 where api_key_id = tests.key_id('k1');
select throws_ok($$select pg_temp.admit('k1', 'r2')$$, 'LMTOT', 'total cost limit reached: 10 of 10',
  'at the limit: LMTOT');
select lives_ok($$select pg_temp.admit('k0', 'r3')$$, 'a key without the limit is admitted whatever it spent');

select throws_ok($$select api.update_api_key(tests.key_id('k1'), '{"total_cost_limit": -1}')$$, 'RVINV', null,
  'a negative total cost limit is RVINV');
select is((api.update_api_key(tests.key_id('k1'), '{"total_cost_limit": 20}')).total_cost_limit, 20::numeric,
  'update raises the limit');

select * from finish();
rollback;
