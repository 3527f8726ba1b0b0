-- relaypg.explain_no_account says why no candidate can serve: the candidates
-- (accounts of the kinds, shared or in the group) counted by reason, sorted
-- by reason; an available account that does not serve the model counts as
-- 'not serving the model'; with no candidate at all, it says so.
begin;
select plan(7);

select tests.create_account('paused-1', p_settings => '{"is_paused": true}');
select tests.create_account('paused-2', 'bedrock', '{"is_paused": true}');
select tests.create_account('inactive', p_settings => '{"is_active": false}');
select tests.create_account('limited', p_settings => '{"subscription_plan": "pro"}');
select api.mark_account_rate_limited(tests.account_id('limited'), now() + interval '1 hour');
select tests.create_account('blocked');
select api.mark_account_blocked(tests.account_id('blocked'), 'blocked', '403');
select tests.create_account('pro', p_settings => '{"subscription_plan": "pro"}');
select tests.create_account('dedicated', p_settings => '{"account_type": "dedicated", "is_paused": true}');
select tests.create_account('member', p_settings => '{"account_type": "group"}');
select api.record_token_refresh_failure(tests.account_id('member'), 'invalid_grant');
select tests.create_account('gemini', 'gemini', '{"is_paused": true}');
select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);
select set_config('tests.empty_group_id', (api.create_account_group('{"name": "empty", "platform": "claude"}')).id::text, true);
select api.set_account_group_members(current_setting('tests.group_id')::uuid,
  array[tests.account_id('member'), tests.account_id('dedicated'), tests.account_id('pro')]);

select is(relaypg.explain_no_account(array['claude-official', 'claude-console', 'bedrock'], null, 'claude-opus-4-1-20250805', now()),
  '1 blocked, 1 inactive, 1 not serving the model, 2 paused, 1 rate_limited',
  'shared candidates of the kinds are counted by reason, in reason order');
select is(relaypg.explain_no_account(array['claude-official', 'claude-console', 'bedrock'], null, 'claude-opus-4-1-20250805', now() + interval '2 hours'),
  '1 blocked, 1 inactive, 2 not serving the model, 2 paused',
  'reasons are judged at p_at: once its rate limit has ended, the pro account only fails on the model');
select is(relaypg.explain_no_account(array['claude-official'], null, 'claude-opus-4-1-20250805', now()),
  '1 blocked, 1 inactive, 1 not serving the model, 1 paused, 1 rate_limited', 'only the kinds asked for');
select is(relaypg.explain_no_account(array['claude-official', 'claude-console', 'bedrock'], current_setting('tests.group_id')::uuid,
    'claude-opus-4-1-20250805', now()),
  '1 not serving the model, 1 paused, 1 refresh_failed', 'with a group, its members whatever their type');
select is(relaypg.explain_no_account(array['claude-official'], current_setting('tests.empty_group_id')::uuid, 'm', now()),
  'no account of this kind exists in the group', 'a group without members');
select is(relaypg.explain_no_account(array['ccr'], null, 'm', now()), 'no account of this kind exists', 'no account of the kinds');
select is(relaypg.explain_no_account(array['gemini'], null, 'gemini-2.5-pro', now()), '1 paused', 'gemini accounts for the gemini kind');

select * from finish();
rollback;
