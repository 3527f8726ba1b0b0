-- api.usage_by_model raises RVINV naming the argument: scope (not key,
-- account or all), grain (not hour, day or month), range (a missing day, the
-- last before the first, more than 3660 days).
begin;
select plan(8);

select throws_ok($$select * from api.usage_by_model('user', 'u', 'day', '2025-09-01', '2025-09-02')$$, 'RVINV', null,
  'an unknown scope raises RVINV');
select is(tests.error_column($$select * from api.usage_by_model('user', 'u', 'day', '2025-09-01', '2025-09-02')$$), 'scope',
  'it is named scope');
select throws_ok($$select * from api.usage_by_model('all', '', 'week', '2025-09-01', '2025-09-02')$$, 'RVINV', null,
  'an unknown grain raises RVINV');
select is(tests.error_column($$select * from api.usage_by_model('all', '', null, '2025-09-01', '2025-09-02')$$), 'grain',
  'a missing grain is named grain');
select throws_ok($$select * from api.usage_by_model('all', '', 'day', '2025-09-02', '2025-09-01')$$, 'RVINV', null,
  'a range ending before it starts raises RVINV');
select is(tests.error_column($$select * from api.usage_by_model('all', '', 'day', null, '2025-09-01')$$), 'range',
  'a range without its first day is named range');
select is(tests.error_column($$select * from api.usage_by_model('all', '', 'month', '2015-01-01', '2025-01-09')$$), 'range',
  'a range of more than 3660 days is named range');
select lives_ok($$select * from api.usage_by_model('all', '', 'month', '2015-01-01', '2025-01-08')$$,
  'a range of exactly 3660 days is accepted');

select * from finish();
rollback;
