-- api.recent_usage raises RVINV (COLUMN minutes) for a window outside 1 to
-- 1440 minutes or missing.
begin;
select plan(5);

select throws_ok($$select * from api.recent_usage(0)$$, 'RVINV', null, 'zero minutes raise RVINV');
select is(tests.error_column($$select * from api.recent_usage(1441)$$), 'minutes', 'more than 1440 minutes are named minutes');
select is(tests.error_column($$select * from api.recent_usage(null)$$), 'minutes', 'a missing window is named minutes');
select lives_ok($$select * from api.recent_usage(1)$$, 'one minute is accepted');
select lives_ok($$select * from api.recent_usage(1440)$$, '1440 minutes are accepted');

select * from finish();
rollback;
