-- relaypg.setting_text raises RVINV naming the field for null (when not
-- nullable), non-strings and strings that are too long.
begin;
select plan(6);

select throws_ok($$select relaypg.setting_text('name', 'null', false, 10)$$,
  'RVINV', null, 'JSON null is refused when not nullable');
select throws_ok($$select relaypg.setting_text('name', null, false, 10)$$,
  'RVINV', null, 'SQL null is refused when not nullable');
select throws_ok($$select relaypg.setting_text('name', '42', true, 10)$$,
  'RVINV', null, 'a number is refused');
select throws_ok($$select relaypg.setting_text('name', '["a"]', true, 10)$$,
  'RVINV', null, 'an array is refused');
select throws_ok($$select relaypg.setting_text('name', '"abcd"', true, 3)$$,
  'RVINV', null, 'a string longer than the maximum is refused');
select is(tests.error_column($$select relaypg.setting_text('name', '"abcd"', true, 3)$$),
  'name', 'the error names the field');

select * from finish();
rollback;
