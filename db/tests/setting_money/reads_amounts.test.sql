-- relaypg.setting_money reads a non-negative amount from a JSON number or a
-- decimal string.
begin;
select plan(5);

select is(relaypg.setting_money('daily_cost_limit', '1.25'), 1.25, 'a JSON number is read');
select is(relaypg.setting_money('daily_cost_limit', '"2.50"'), 2.50, 'a decimal string is read');
select is(relaypg.setting_money('daily_cost_limit', '" 3 "'), 3::numeric, 'surrounding blanks are allowed in a string');
select is(relaypg.setting_money('daily_cost_limit', '0'), 0::numeric, 'zero (no limit) is read');
select is(relaypg.setting_money('daily_cost_limit', '999999999999.99'), 999999999999.99,
  'the largest amount below 1e12 is read');

select * from finish();
rollback;
