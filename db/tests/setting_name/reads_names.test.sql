-- relaypg.setting_name: a trimmed string of at most 200 characters, not blank;
-- anything else is RVINV naming the field.
begin;
select plan(5);

select is(relaypg.setting_name('name', '"  pool-a  "'), 'pool-a', 'a name is trimmed');
select throws_ok($$select relaypg.setting_name('name', '"   "')$$, 'RVINV', null, 'a blank name is refused');
select throws_ok($$select relaypg.setting_name('name', 'null')$$, 'RVINV', null, 'null is refused');
select throws_ok($$select relaypg.setting_name('name', to_jsonb(repeat('x', 201)))$$, 'RVINV', null, 'more than 200 characters is refused');
select is(tests.error_column($$select relaypg.setting_name('title', '42')$$), 'title', 'a non-string is refused, naming the field');

select * from finish();
rollback;
