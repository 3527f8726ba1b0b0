-- api.price_request: the runtime role may call it (security definer, reading
-- the private price table) and gets the priced cost.
begin;
select plan(3);

select ok(tests.app_role_is_granted_execute('api.price_request(text, bigint, bigint, bigint, bigint, bigint, bigint, boolean, text)'),
  'the runtime role is granted EXECUTE');
select is_definer('api', 'price_request', array['text', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint', 'boolean', 'text'],
  'price_request is security definer');

select api.load_model_prices('{"claude-sonnet-4-20250514": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05}}'::json,
  'test');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select row(c.price_key, c.total)
             from api.price_request('claude-sonnet-4-20250514', 1000, 100, 0, 0, 0, 0, false, 'details') c),
  row('claude-sonnet-4-20250514'::text, 1000 * 0.000003 + 100 * 0.000015),
  'as the runtime role, a request is priced from the loaded prices');
reset role;

select * from finish();
rollback;
