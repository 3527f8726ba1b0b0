-- api.select_accounts applies the batch's sticky TTL and renewal threshold to
-- every request, and refuses a bad TTL in each request's row.
begin;
select plan(4);

select tests.create_key('k1');
select tests.create_account('only');
select api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', 'old-session', '20 minutes');

create temp table batch on commit drop as
  select * from api.select_accounts(
    array[tests.key_id('k1'), tests.key_id('k1')], array['claude', 'claude'],
    array['claude-sonnet-4-20250514', 'claude-sonnet-4-20250514'], array['old-session', 'new-session'],
    '2 hours', '30 minutes');

select is((select expires_at from relaypg.sticky_sessions where session_hash = 'new-session'), now() + interval '2 hours',
  'a new mapping lasts the batch''s TTL');
select is((select expires_at from relaypg.sticky_sessions where session_hash = 'old-session'), now() + interval '2 hours',
  'a mapping with less life than the renewal threshold is renewed');
select is((select array_agg(error_code) from api.select_accounts(array[tests.key_id('k1')], array['claude'], array['m'], array['s'], '0 seconds')),
  array['RVINV'], 'a zero TTL is refused in the request''s row');
select is((select error_column from api.select_accounts(array[tests.key_id('k1')], array['claude'], array['m'], array['s'], null)),
  'sticky_ttl', 'naming sticky_ttl');

select * from finish();
rollback;
