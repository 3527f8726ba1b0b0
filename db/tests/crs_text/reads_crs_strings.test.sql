-- relaypg.crs_text: a CRS string field; '' and a missing field read as null.
begin;
select plan(5);

select is(relaypg.crs_text('{"name": "alice-dev"}', 'name'), 'alice-dev', 'a string is read');
select is(relaypg.crs_text('{"claudeAccountId": ""}', 'claudeAccountId'), null, ''''' reads as null (unset)');
select is(relaypg.crs_text('{}', 'claudeAccountId'), null, 'a missing field reads as null');
select is(relaypg.crs_text('{"icon": " "}', 'icon'), ' ', 'a blank string is kept verbatim');
select is(relaypg.crs_text('{"apiKeyCount": 3}', 'apiKeyCount'), '3', 'a JSON number (user:* documents) reads as its text');

select * from finish();
rollback;
