-- relaypg.raise_bad_crs_field raises IMBAD with the CRS field in COLUMN.
begin;
select plan(3);

select throws_ok($$select relaypg.raise_bad_crs_field('tokenLimit', 'expected a number')$$,
  'IMBAD', null, 'raise_bad_crs_field raises IMBAD');
select is(tests.error_column($$select relaypg.raise_bad_crs_field('tokenLimit', 'expected a number')$$),
  'tokenLimit', 'the CRS field travels in COLUMN');
select is(tests.error_info($$select relaypg.raise_bad_crs_field('tokenLimit', 'expected a number')$$) ->> 'message',
  'CRS field tokenLimit: expected a number', 'the message names the CRS field');

select * from finish();
rollback;
