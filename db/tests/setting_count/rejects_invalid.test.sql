-- relaypg.setting_count raises RVINV naming the field for fractions,
-- negatives, values above the maximum and non-numbers.
begin;
select plan(8);

select throws_ok($$select relaypg.setting_count('concurrency_limit', '1.5', 10)$$,
  'RVINV', null, 'a fraction is refused');
select throws_ok($$select relaypg.setting_count('concurrency_limit', '-1', 10)$$,
  'RVINV', null, 'a negative number is refused');
select is(tests.error_info($$select relaypg.setting_count('concurrency_limit', '-1', 10)$$) ->> 'hint',
  '0 means no limit', 'the negative-number error hints that 0 means no limit');
select throws_ok($$select relaypg.setting_count('concurrency_limit', '11', 10)$$,
  'RVINV', null, 'a number above the maximum is refused');
select throws_ok($$select relaypg.setting_count('concurrency_limit', '"5"', 10)$$,
  'RVINV', null, 'a numeric string is refused');
select throws_ok($$select relaypg.setting_count('concurrency_limit', 'null', 10)$$,
  'RVINV', null, 'JSON null is refused');
select throws_ok($$select relaypg.setting_count('concurrency_limit', null, 10)$$,
  'RVINV', null, 'SQL null is refused');
select is(tests.error_column($$select relaypg.setting_count('concurrency_limit', '11', 10)$$),
  'concurrency_limit', 'the error names the field');

select * from finish();
rollback;
