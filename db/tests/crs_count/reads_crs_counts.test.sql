-- relaypg.crs_count reads a non-negative integer string (up to 15 digits);
-- '' and missing read as 0; anything else is IMBAD naming the field.
begin;
select plan(9);

select is(relaypg.crs_count('{"tokenLimit": "42"}', 'tokenLimit'), 42::bigint, 'an integer string is read');
select is(relaypg.crs_count('{"tokenLimit": " 7 "}', 'tokenLimit'), 7::bigint, 'surrounding blanks are allowed');
select is(relaypg.crs_count('{"tokenLimit": ""}', 'tokenLimit'), 0::bigint, ''''' reads as 0');
select is(relaypg.crs_count('{}', 'tokenLimit'), 0::bigint, 'a missing field reads as 0');
select is(relaypg.crs_count('{"tokenLimit": "999999999999999"}', 'tokenLimit'), 999999999999999::bigint,
  '15 digits are read');
select throws_ok($$select relaypg.crs_count('{"tokenLimit": "1000000000000000"}', 'tokenLimit')$$,
  'IMBAD', null, '16 digits are IMBAD');
select throws_ok($$select relaypg.crs_count('{"tokenLimit": "-1"}', 'tokenLimit')$$,
  'IMBAD', null, 'a negative number is IMBAD');
select throws_ok($$select relaypg.crs_count('{"tokenLimit": "1.5"}', 'tokenLimit')$$,
  'IMBAD', null, 'a fraction is IMBAD');
select is(tests.error_column($$select relaypg.crs_count('{"concurrencyLimit": "five"}', 'concurrencyLimit')$$),
  'concurrencyLimit', 'a word is IMBAD, naming the CRS field');

select * from finish();
rollback;
