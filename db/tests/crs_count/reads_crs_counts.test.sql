-- relaypg.crs_count reads an integer string from 0 to p_max; '' and missing
-- read as 0; anything else (including values above p_max) is IMBAD naming the field.
begin;
select plan(10);

select is(relaypg.crs_count('{"tokenLimit": "42"}', 'tokenLimit', 100), 42::bigint, 'an integer string is read');
select is(relaypg.crs_count('{"tokenLimit": " 7 "}', 'tokenLimit', 100), 7::bigint, 'surrounding blanks are allowed');
select is(relaypg.crs_count('{"tokenLimit": ""}', 'tokenLimit', 100), 0::bigint, ''''' reads as 0');
select is(relaypg.crs_count('{}', 'tokenLimit', 100), 0::bigint, 'a missing field reads as 0');
select is(relaypg.crs_count('{"tokenLimit": "2147483647"}', 'tokenLimit', 2147483647), 2147483647::bigint,
  'p_max itself is read');
select throws_ok($$select relaypg.crs_count('{"tokenLimit": "2147483648"}', 'tokenLimit', 2147483647)$$,
  'IMBAD', null, 'a value above p_max is IMBAD');
select throws_ok($$select relaypg.crs_count('{"tokenLimit": "1234567890123456789012"}', 'tokenLimit', 9007199254740991)$$,
  'IMBAD', null, 'more digits than a bigint holds is IMBAD, not a numeric error');
select throws_ok($$select relaypg.crs_count('{"tokenLimit": "-1"}', 'tokenLimit', 100)$$,
  'IMBAD', null, 'a negative number is IMBAD');
select throws_ok($$select relaypg.crs_count('{"tokenLimit": "1.5"}', 'tokenLimit', 100)$$,
  'IMBAD', null, 'a fraction is IMBAD');
select is(tests.error_column($$select relaypg.crs_count('{"concurrencyLimit": "five"}', 'concurrencyLimit', 100)$$),
  'concurrencyLimit', 'a word is IMBAD, naming the CRS field');

select * from finish();
rollback;
