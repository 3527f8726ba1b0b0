-- The statement trigger model_prices_forget_price_keys
-- (relaypg.forget_price_keys) empties relaypg.model_price_keys whenever
-- relaypg.model_prices changes (insert, update, delete, truncate; so
-- api.load_model_prices too), so that an event recorded after a price change
-- is priced with the new prices.
begin;
select plan(7);

create function pg_temp.remembered() returns bigint language sql volatile
return (select count(*) from relaypg.model_price_keys);
create function pg_temp.remember() returns void language sql volatile
begin atomic
  select relaypg.remember_price_keys(array['claude-sonnet-4-20250514', 'gpt-5']);
end;

select pg_temp.remember();
select is(pg_temp.remembered(), 2::bigint, 'two models are remembered');
update relaypg.model_prices set source = source where model = 'gpt-5';
select is(pg_temp.remembered(), 0::bigint, 'an update of model_prices empties the memo');

select pg_temp.remember();
delete from relaypg.model_prices where model = 'qqqq-none';
select is(pg_temp.remembered(), 0::bigint, 'so does a delete (even of no row: the trigger is per statement)');

select pg_temp.remember();
insert into relaypg.model_prices (model, file_position, details, source)
select 'extra-model', max(file_position) + 1, '{}', 'test' from relaypg.model_prices;
select is(pg_temp.remembered(), 0::bigint, 'so does an insert');

select pg_temp.remember();
truncate relaypg.model_prices;
select is(pg_temp.remembered(), 0::bigint, 'so does a truncate');

-- A price change after a model was priced: the new entry prices the next event.
select api.load_model_prices('{"claude-sonnet-4": {"input_cost_per_token": 1e-06}}'::json, 'first');
select api.record_usage($$[{"requestId": "f-1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "model": "claude-sonnet-4-20250514", "inputTokens": 1000}]$$);
select api.load_model_prices('{"claude-sonnet-4-2025": {"input_cost_per_token": 2e-06}}'::json, 'second');
select is(pg_temp.remembered(), 0::bigint, 'api.load_model_prices empties the memo');
select api.record_usage($$[{"requestId": "f-2", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "model": "claude-sonnet-4-20250514", "inputTokens": 1000}]$$);
select results_eq($$select request_id, price_key, cost_total from relaypg.usage_events order by request_id$$,
  $$values ('f-1'::text, 'claude-sonnet-4'::text, 0.001::numeric), ('f-2', 'claude-sonnet-4-2025', 0.002)$$,
  'an event recorded after the reload is priced with the new entry, not the remembered one');

select * from finish();
rollback;
