-- api.list_api_keys returns pages newest first (ties broken by id,
-- descending), limit and offset applied after filtering.
begin;
select plan(5);

select tests.create_key('k' || i) from generate_series(1, 5) i;
update relaypg.api_keys set created_at = '2025-01-01T00:00:00Z'::timestamptz + (substr(name, 2)::int * interval '1 hour')
 where name ~ '^k[0-9]$';
-- k5 and a twin created at the same time: the larger id comes first.
select tests.create_key('k5-twin');
update relaypg.api_keys set created_at = (tests.key(tests.key_id('k5'))).created_at where name = 'k5-twin';
update relaypg.api_keys set id = '00000000-0000-4000-8000-000000000001' where name = 'k5';
update relaypg.api_keys set id = 'ffffffff-ffff-4fff-bfff-ffffffffffff' where name = 'k5-twin';

select results_eq($$select name from api.list_api_keys(null, null, null, null, 'k', 3, 0)$$,
  array['k5-twin', 'k5', 'k4'], 'the first page: newest first, equal times by id descending');
select results_eq($$select name from api.list_api_keys(null, null, null, null, 'k', 3, 3)$$,
  array['k3', 'k2', 'k1'], 'the second page continues where the first stopped');
select is_empty($$select name from api.list_api_keys(null, null, null, null, 'k', 3, 6)$$,
  'an offset past the end returns nothing');
select results_eq($$select name from api.list_api_keys(null, null, null, null, null, 1, 0)$$,
  array['k5-twin'], 'limit 1 returns only the newest key');
select results_eq($$select name from api.list_api_keys(null, null, null, null, 'k', 2, 4)$$,
  array['k2', 'k1'], 'the last page may be short');

select * from finish();
rollback;
