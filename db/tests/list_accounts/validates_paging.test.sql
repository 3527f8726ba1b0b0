-- api.list_accounts raises RVINV (limit / offset) for a limit outside 1..500
-- or a negative or null offset.
begin;
select plan(7);

select throws_ok($$select * from api.list_accounts(null, null, null, 0, 0)$$,
  'RVINV', null, 'limit 0 raises RVINV');
select is(tests.error_column($$select * from api.list_accounts(null, null, null, 501, 0)$$),
  'limit', 'limit 501 is refused, naming limit');
select is(tests.error_column($$select * from api.list_accounts(null, null, null, null, 0)$$),
  'limit', 'a null limit is refused');
select lives_ok($$select * from api.list_accounts(null, null, null, 500, 0)$$, 'limit 500 is accepted');
select throws_ok($$select * from api.list_accounts(null, null, null, 10, -1)$$,
  'RVINV', null, 'a negative offset raises RVINV');
select is(tests.error_column($$select * from api.list_accounts(null, null, null, 10, -1)$$),
  'offset', 'the error names offset');
select is(tests.error_column($$select * from api.list_accounts(null, null, null, 10, null)$$),
  'offset', 'a null offset is refused');

select * from finish();
rollback;
