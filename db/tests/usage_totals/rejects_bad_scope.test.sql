-- api.usage_totals raises RVINV (COLUMN scope) for a scope other than key,
-- account or all.
begin;
select plan(3);

select throws_ok($$select * from api.usage_totals('user', 'u1')$$, 'RVINV', null, 'an unknown scope raises RVINV');
select is(tests.error_column($$select * from api.usage_totals('Key', 'k1')$$), 'scope', 'the scope is case-sensitive');
select is(tests.error_column($$select * from api.usage_totals(null, 'k1')$$), 'scope', 'a missing scope is named scope');

select * from finish();
rollback;
