-- relaypg.setting_money raises RVINV naming the field for negatives,
-- amounts of 1e12 or more, and anything but a number or a decimal string.
begin;
select plan(8);

select throws_ok($$select relaypg.setting_money('rate_limit_cost', '-0.01')$$,
  'RVINV', null, 'a negative number is refused');
select throws_ok($$select relaypg.setting_money('rate_limit_cost', '"-1"')$$,
  'RVINV', null, 'a negative decimal string is refused');
select throws_ok($$select relaypg.setting_money('rate_limit_cost', '1e12')$$,
  'RVINV', null, '1e12 is too large');
select throws_ok($$select relaypg.setting_money('rate_limit_cost', '"1e3"')$$,
  'RVINV', null, 'a string in exponent notation is refused');
select throws_ok($$select relaypg.setting_money('rate_limit_cost', '"ten"')$$,
  'RVINV', null, 'a non-numeric string is refused');
select throws_ok($$select relaypg.setting_money('rate_limit_cost', 'true')$$,
  'RVINV', null, 'a boolean is refused');
select throws_ok($$select relaypg.setting_money('rate_limit_cost', null)$$,
  'RVINV', null, 'SQL null is refused');
select is(tests.error_column($$select relaypg.setting_money('rate_limit_cost', '"ten"')$$),
  'rate_limit_cost', 'the error names the field');

select * from finish();
rollback;
