-- api.load_model_prices: the runtime role may call it (security definer) and
-- the prices it loads are stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.load_model_prices(json, text)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'load_model_prices', array['json', 'text'], 'load_model_prices is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.load_model_prices('{"m-1": {"input_cost_per_token": 2e-06}, "m-2": {}}'::json, 'as app'), 2,
  'as the runtime role, a document is loaded');
reset role;

select results_eq($$select model, file_position, input_cost_per_token, source from relaypg.model_prices order by file_position$$,
  $$values ('m-1'::text, 1, 0.000002::numeric, 'as app'::text), ('m-2', 2, null, 'as app')$$,
  'the prices loaded as the runtime role are stored');

select * from finish();
rollback;
