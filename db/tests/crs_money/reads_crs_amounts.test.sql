-- relaypg.crs_money reads a non-negative decimal string (exponent allowed);
-- '' and missing read as 0; anything else is IMBAD naming the field.
begin;
select plan(7);

select is(relaypg.crs_money('{"dailyCostLimit": "12.5"}', 'dailyCostLimit'), 12.5, 'a decimal string is read');
select is(relaypg.crs_money('{"dailyCostLimit": "1e-3"}', 'dailyCostLimit'), 0.001, 'exponent notation (JS String(number)) is read');
select is(relaypg.crs_money('{"dailyCostLimit": ""}', 'dailyCostLimit'), 0::numeric, ''''' reads as 0');
select is(relaypg.crs_money('{}', 'dailyCostLimit'), 0::numeric, 'a missing field reads as 0');
select throws_ok($$select relaypg.crs_money('{"dailyCostLimit": "-1"}', 'dailyCostLimit')$$,
  'IMBAD', null, 'a negative amount is IMBAD');
select throws_ok($$select relaypg.crs_money('{"dailyCostLimit": "NaN"}', 'dailyCostLimit')$$,
  'IMBAD', null, 'NaN is IMBAD');
select is(tests.error_column($$select relaypg.crs_money('{"weeklyOpusCostLimit": "$5"}', 'weeklyOpusCostLimit')$$),
  'weeklyOpusCostLimit', 'a non-number is IMBAD, naming the CRS field');

select * from finish();
rollback;
