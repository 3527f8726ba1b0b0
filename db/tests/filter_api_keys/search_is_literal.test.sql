-- relaypg.filter_api_keys: p_search is a case-insensitive substring of the
-- name; %, _ and \ match themselves.
begin;
select plan(6);

select tests.create_key('Alice-Dev');
select tests.create_key('50% off');
select tests.create_key('500 off');
select tests.create_key('my_key');
select tests.create_key('myXkey');
select tests.create_key('back\slash');

select set_eq($$select name from relaypg.filter_api_keys(null, null, null, null, 'alice')$$,
  array['Alice-Dev'], 'the search is a case-insensitive substring');
select set_eq($$select name from relaypg.filter_api_keys(null, null, null, null, '%')$$,
  array['50% off'], '% matches only a literal percent sign');
select set_eq($$select name from relaypg.filter_api_keys(null, null, null, null, 'y_k')$$,
  array['my_key'], '_ matches only a literal underscore');
select set_eq($$select name from relaypg.filter_api_keys(null, null, null, null, 'k\s')$$,
  array['back\slash'], 'a backslash matches itself');
select is_empty($$select name from relaypg.filter_api_keys(null, null, null, null, 'zzz')$$,
  'a search matching nothing returns nothing');
select set_eq($$select name from relaypg.filter_api_keys(null, null, null, null, '')$$,
  array['Alice-Dev', '50% off', '500 off', 'my_key', 'myXkey', 'back\slash'], 'an empty search matches every key');

select * from finish();
rollback;
