-- api.select_account raises KYNFD for an unknown key, RVINV for an unknown
-- platform (platform) or a non-positive TTL (sticky_ttl), and SLNAV when no
-- account can serve, its detail counting the candidates by reason.
begin;
select plan(13);

select tests.create_key('k1');

select throws_ok($$select api.select_account('00000000-0000-4000-8000-000000000000', 'claude', 'claude-sonnet-4-20250514', null)$$,
  'KYNFD', null, 'an unknown key raises KYNFD');
select throws_ok($$select api.select_account(tests.key_id('k1'), 'bedrock', 'claude-sonnet-4-20250514', null)$$,
  'RVINV', null, 'an unknown platform raises RVINV');
select is(tests.error_column($$select api.select_account(tests.key_id('k1'), 'claude-console', 'm', null)$$), 'platform',
  'naming platform');
select is(tests.error_column($$select api.select_account(tests.key_id('k1'), null, 'm', null)$$), 'platform',
  'a null platform too');
select throws_ok($$select api.select_account(tests.key_id('k1'), 'claude', 'm', 's', '0 seconds')$$,
  'RVINV', null, 'a zero TTL raises RVINV');
select is(tests.error_column($$select api.select_account(tests.key_id('k1'), 'claude', 'm', 's', '-1 hour')$$), 'sticky_ttl',
  'a negative TTL names sticky_ttl');
select is(tests.error_column($$select api.select_account(tests.key_id('k1'), 'claude', 'm', 's', null)$$), 'sticky_ttl',
  'a null TTL names sticky_ttl');

select throws_ok($$select api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', null)$$,
  'SLNAV', null, 'with no account at all, SLNAV');
select is(tests.error_info($$select api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', null)$$) ->> 'detail',
  'no account of this kind exists', 'whose detail says so');

select tests.create_account('paused-1', p_settings => '{"is_paused": true}');
select tests.create_account('paused-2', 'claude-console', '{"is_paused": true}');
select tests.create_account('inactive', p_settings => '{"is_active": false}');
select tests.create_account('limited');
select api.mark_account_rate_limited(tests.account_id('limited'), now() + interval '1 hour');
select tests.create_account('unauthorized');
select api.mark_account_blocked(tests.account_id('unauthorized'), 'unauthorized', '401');
select tests.create_account('pro', p_settings => '{"subscription_plan": "pro"}');
select tests.create_account('dedicated', p_settings => '{"account_type": "dedicated", "is_paused": true}');
select tests.create_account('gemini', 'gemini', '{"is_paused": true}');
select tests.create_account('ccr', 'ccr');

select throws_ok($$select api.select_account(tests.key_id('k1'), 'claude', 'claude-opus-4-1-20250805', 's1')$$,
  'SLNAV', null, 'when no candidate can serve, SLNAV');
select is(tests.error_info($$select api.select_account(tests.key_id('k1'), 'claude', 'claude-opus-4-1-20250805', 's1')$$) ->> 'detail',
  '1 inactive, 1 not serving the model, 2 paused, 1 rate_limited, 1 unauthorized',
  'the detail counts the shared candidates of the platform by reason');
select is((select count(*) from relaypg.sticky_sessions), 0::bigint, 'no sticky mapping is recorded for a refused request');
select is(tests.selected(tests.key_id('k1'), 's1', 'claude-sonnet-4-20250514'), 'pro',
  'the same pool serves a model the pro account offers');

select * from finish();
rollback;
