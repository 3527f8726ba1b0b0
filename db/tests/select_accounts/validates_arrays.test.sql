-- api.select_accounts raises RVINV, naming the field, for arrays that do not
-- describe one request per element, and for more than 32 requests.
begin;
select plan(5);

select tests.create_key('k1');

select throws_ok($$select * from api.select_accounts(null, '{}', '{}', '{}')$$, 'RVINV', null, 'null key ids raise RVINV');
select is(tests.error_column($$select * from api.select_accounts(null, '{}', '{}', '{}')$$), 'api_key_ids', 'naming api_key_ids');
select is(tests.error_column($$select * from api.select_accounts(array[tests.key_id('k1')], array['claude', 'claude'], array['m'], array[null::text])$$),
  'requests', 'a longer platforms array is refused, naming requests');
select is(tests.error_column($$select * from api.select_accounts(array[tests.key_id('k1')], array['claude'], array['m'], '{}')$$),
  'requests', 'a missing session hash is refused');
select is(tests.error_column($$select * from api.select_accounts(
    array_fill(tests.key_id('k1'), array[33]), array_fill('claude'::text, array[33]), array_fill('m'::text, array[33]),
    array_fill(null::text, array[33]))$$),
  'api_key_ids', 'more than 32 requests are refused');

select * from finish();
rollback;
