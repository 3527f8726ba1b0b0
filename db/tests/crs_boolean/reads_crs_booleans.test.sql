-- relaypg.crs_boolean reads "true"/"false" strings and JSON booleans; '',
-- null and a missing field read as the default; anything else is IMBAD.
begin;
select plan(10);

select is(relaypg.crs_boolean('{"isActivated": "true"}', 'isActivated', false), true, '"true" reads as true');
select is(relaypg.crs_boolean('{"isActivated": "false"}', 'isActivated', true), false, '"false" reads as false');
select is(relaypg.crs_boolean('{"isActive": true}', 'isActive', false), true, 'JSON true reads as true');
select is(relaypg.crs_boolean('{"isActive": false}', 'isActive', true), false, 'JSON false reads as false');
select is(relaypg.crs_boolean('{"isActivated": ""}', 'isActivated', true), true, ''''' reads as the default (true)');
select is(relaypg.crs_boolean('{"isActivated": ""}', 'isActivated', false), false, ''''' reads as the default (false)');
select is(relaypg.crs_boolean('{}', 'isActivated', true), true, 'a missing field reads as the default');
select is(relaypg.crs_boolean('{"isActive": null}', 'isActive', false), false, 'JSON null reads as the default');
select throws_ok($$select relaypg.crs_boolean('{"enableModelRestriction": "TRUE"}', 'enableModelRestriction', false)$$,
  'IMBAD', null, '"TRUE" (wrong case) is IMBAD');
select is(tests.error_column($$select relaypg.crs_boolean('{"enableModelRestriction": "1"}', 'enableModelRestriction', false)$$),
  'enableModelRestriction', '"1" is IMBAD, naming the CRS field');

select * from finish();
rollback;
