-- relaypg.setting_boolean accepts JSON true/false only; RVINV otherwise.
begin;
select plan(6);

select is(relaypg.setting_boolean('is_active', 'true'), true, 'JSON true reads as true');
select is(relaypg.setting_boolean('is_active', 'false'), false, 'JSON false reads as false');
select throws_ok($$select relaypg.setting_boolean('is_active', '"true"')$$,
  'RVINV', null, 'the string "true" is refused');
select throws_ok($$select relaypg.setting_boolean('is_active', '1')$$,
  'RVINV', null, 'a number is refused');
select throws_ok($$select relaypg.setting_boolean('is_active', 'null')$$,
  'RVINV', null, 'JSON null is refused');
select is(tests.error_column($$select relaypg.setting_boolean('is_active', null)$$),
  'is_active', 'SQL null is refused, naming the field');

select * from finish();
rollback;
