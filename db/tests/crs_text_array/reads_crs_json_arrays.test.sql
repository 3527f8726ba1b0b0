-- relaypg.crs_text_array reads a JSON array of strings kept in a string;
-- '' reads as {}; anything else is IMBAD naming the field.
begin;
select plan(8);

select is(relaypg.crs_text_array('{"tags": "[\"team-a\",\"dev\"]"}', 'tags'), array['team-a', 'dev'],
  'a JSON array of strings is read in order');
select is(relaypg.crs_text_array('{"tags": "[]"}', 'tags'), '{}'::text[], 'an empty array reads as {}');
select is(relaypg.crs_text_array('{"tags": ""}', 'tags'), '{}'::text[], ''''' reads as {}');
select is(relaypg.crs_text_array('{}', 'tags'), '{}'::text[], 'a missing field reads as {}');
select throws_ok($$select relaypg.crs_text_array('{"tags": "team-a,dev"}', 'tags')$$,
  'IMBAD', null, 'text that is not JSON is IMBAD');
select throws_ok($$select relaypg.crs_text_array('{"tags": "{\"a\": \"b\"}"}', 'tags')$$,
  'IMBAD', null, 'a JSON object is IMBAD');
select throws_ok($$select relaypg.crs_text_array('{"tags": "\"dev\""}', 'tags')$$,
  'IMBAD', null, 'a JSON string is IMBAD');
select is(tests.error_column($$select relaypg.crs_text_array('{"allowedClients": "[1]"}', 'allowedClients')$$),
  'allowedClients', 'an array of numbers is IMBAD, naming the CRS field');

select * from finish();
rollback;
