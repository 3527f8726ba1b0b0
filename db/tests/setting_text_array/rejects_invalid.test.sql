-- relaypg.setting_text_array raises RVINV naming the field for non-arrays,
-- non-string entries, blank entries, too many and too long entries.
begin;
select plan(8);

select throws_ok($$select relaypg.setting_text_array('tags', '"dev"', 10, 10)$$,
  'RVINV', null, 'a string is refused');
select throws_ok($$select relaypg.setting_text_array('tags', null, 10, 10)$$,
  'RVINV', null, 'SQL null is refused');
select throws_ok($$select relaypg.setting_text_array('tags', '["a", 1]', 10, 10)$$,
  'RVINV', null, 'a non-string entry is refused');
select throws_ok($$select relaypg.setting_text_array('tags', '["a", "  "]', 10, 10)$$,
  'RVINV', null, 'a blank entry is refused');
select throws_ok($$select relaypg.setting_text_array('tags', '["a", "b", "c"]', 2, 10)$$,
  'RVINV', null, 'more entries than the maximum are refused');
select throws_ok($$select relaypg.setting_text_array('tags', '["abcd"]', 10, 3)$$,
  'RVINV', null, 'an entry longer than the maximum is refused');
select lives_ok($$select relaypg.setting_text_array('tags', '[" abc "]', 10, 3)$$,
  'an entry is measured after trimming');
select is(tests.error_column($$select relaypg.setting_text_array('restricted_models', '["a", 1]', 10, 10)$$),
  'restricted_models', 'the error names the field');

select * from finish();
rollback;
