-- api.record_usage of an empty array returns no rows and records nothing.
begin;
select plan(3);

select is_empty($$select * from api.record_usage('[]')$$, 'an empty batch returns no rows');
select is((select count(*) from relaypg.usage_events), 0::bigint, 'no event is stored');
select is((select count(*) from relaypg.api_key_usage) + (select count(*) from relaypg.api_key_daily_usage), 0::bigint,
  'the ledger is not touched');

select * from finish();
rollback;
