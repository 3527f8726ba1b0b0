-- api.record_api_key_uses raises RVINV (used_at) when the arrays do not have
-- one timestamp per key id, and writes nothing.
begin;
select plan(5);

select tests.create_key('k1');

select throws_ok($$select api.record_api_key_uses(array[tests.key_id('k1')], array[now(), now()])$$,
  'RVINV', null, 'more timestamps than ids raise RVINV');
select is(tests.error_column($$select api.record_api_key_uses(array[tests.key_id('k1'), gen_random_uuid()], array[now()])$$),
  'used_at', 'fewer timestamps than ids are refused, naming used_at');
select is(tests.error_column($$select api.record_api_key_uses(array[tests.key_id('k1')], null)$$),
  'used_at', 'null timestamps for some ids are refused');
select is(api.record_api_key_uses(null, null), 0, 'two null arrays are an empty batch');
select is((tests.key(tests.key_id('k1'))).last_used_at, null, 'nothing was recorded');

select * from finish();
rollback;
