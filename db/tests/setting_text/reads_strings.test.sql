-- relaypg.setting_text returns the string, and null only when nullable.
begin;
select plan(5);

select is(relaypg.setting_text('description', '"hello"', false, 10), 'hello', 'a JSON string is read as text');
select is(relaypg.setting_text('description', 'null', true, 10), null, 'JSON null reads as null when nullable');
select is(relaypg.setting_text('description', null, true, 10), null, 'SQL null reads as null when nullable');
select is(relaypg.setting_text('description', '"abc"', false, 3), 'abc', 'a string of exactly the maximum length is accepted');
select is(relaypg.setting_text('description', '"ééé"', false, 3), 'ééé', 'the length is counted in characters, not bytes');

select * from finish();
rollback;
