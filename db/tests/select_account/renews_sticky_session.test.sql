-- api.select_account renews a sticky mapping to now() + p_sticky_ttl only
-- when p_renewal_threshold is positive and the mapping's remaining life is
-- under it (CRS STICKY_SESSION_RENEWAL_THRESHOLD_MINUTES; 0 = never).
begin;
select plan(6);

select tests.create_key('k1');
select tests.create_account('a');
select api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', 's1', '1 hour', '15 minutes');

select tests.age_account(tests.account_id('a'), '30 minutes');
select is((api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', 's1', '1 hour', '15 minutes')).sticky,
  true, 'with 30 minutes left the mapping is used');
select is((select expires_at from relaypg.sticky_sessions where session_hash = 's1'), now() + interval '30 minutes',
  'and not renewed (30 minutes is not under the 15-minute threshold)');

select tests.age_account(tests.account_id('a'), '20 minutes');
select api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', 's1', '1 hour', '0');
select is((select expires_at from relaypg.sticky_sessions where session_hash = 's1'), now() + interval '10 minutes',
  'with a threshold of 0 a mapping is never renewed');

select is((api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', 's1', '1 hour', '15 minutes')).sticky,
  true, 'with 10 minutes left the mapping is used');
select is((select expires_at from relaypg.sticky_sessions where session_hash = 's1'), now() + interval '1 hour',
  'and renewed to now() + the TTL, being under the threshold');

select api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', 's1', '2 hours', '90 minutes');
select is((select expires_at from relaypg.sticky_sessions where session_hash = 's1'), now() + interval '2 hours',
  'the renewal uses the TTL of the request');

select * from finish();
rollback;
