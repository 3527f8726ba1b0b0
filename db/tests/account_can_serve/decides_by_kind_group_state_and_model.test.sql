-- relaypg.account_can_serve: an account can serve a request when it is of one
-- of the kinds, shared (no group) or a member of the group (its member ids),
-- available at p_at (state read by time) and serving the model. It must stay
-- inlinable: api.select_account relies on it.
begin;
select plan(18);

select tests.create_account('shared');
select tests.create_account('console', 'claude-console', '{"model_mapping": {"claude-sonnet-4-20250514": "upstream-sonnet"}}');
select tests.create_account('dedicated', p_settings => '{"account_type": "dedicated"}');
select tests.create_account('member', p_settings => '{"account_type": "group"}');
select tests.create_account('pro', p_settings => '{"subscription_plan": "pro"}');
select tests.create_account('paused', p_settings => '{"is_paused": true}');
select tests.create_account('inactive', p_settings => '{"is_active": false}');
select tests.create_account('limited');
select api.mark_account_rate_limited(tests.account_id('limited'), now() + interval '1 hour');
select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);
select api.set_account_group_members(current_setting('tests.group_id')::uuid, array[tests.account_id('member'), tests.account_id('console')]);

create function pg_temp.can(p_name text, p_kinds text[] default array['claude-official', 'claude-console', 'bedrock'],
  p_group uuid default null, p_model text default 'claude-sonnet-4-20250514', p_at timestamptz default now())
returns boolean language sql volatile
return relaypg.account_can_serve(tests.account(tests.account_id(p_name)), p_kinds,
  case when p_group is not null then array(select m.account_id from relaypg.account_group_members m where m.group_id = p_group) end,
  p_model, p_at);

select is(pg_temp.can('shared'), true, 'an available shared account of the kinds serving the model can serve');
select is(pg_temp.can('shared', array['claude-console']), false, 'not when its kind is not asked for');
select is(pg_temp.can('dedicated'), false, 'a dedicated account is not in the shared pool');
select is(pg_temp.can('member'), false, 'nor is a group account');
select is(pg_temp.can('member', p_group => current_setting('tests.group_id')::uuid), true, 'a group member can serve the group');
select is(pg_temp.can('console', p_group => current_setting('tests.group_id')::uuid), true, 'whatever its account type');
select is(pg_temp.can('shared', p_group => current_setting('tests.group_id')::uuid), false, 'a shared account outside the group cannot serve it');
select is(pg_temp.can('paused'), false, 'a paused account cannot serve');
select is(pg_temp.can('inactive'), false, 'an inactive account cannot serve');
select is(pg_temp.can('limited'), false, 'a rate-limited account cannot serve');
select is(pg_temp.can('limited', p_at => now() + interval '1 hour 1 second'), true, 'after its rate limit ends it can (state by time)');
select is(pg_temp.can('console'), true, 'a Console account mapping the model can serve');
select is(pg_temp.can('console', p_model => 'claude-3-5-haiku-20241022'), false, 'not a model it does not map');
select is(pg_temp.can('pro', p_model => 'claude-opus-4-1-20250805'), false, 'a pro account does not serve Opus');
select is(pg_temp.can('pro'), true, 'but serves Sonnet');
select is(relaypg.account_can_serve(null::relaypg.accounts, array['claude-official'], null, 'm', now()), false,
  'no account (a missing row) cannot serve: false, not null');
select is(pg_temp.can('member', p_group => gen_random_uuid()), false, 'an empty group serves nothing');
select unalike((select pg_get_functiondef('relaypg.account_can_serve(relaypg.accounts, text[], uuid[], text, timestamptz)'::regprocedure)),
  '%SET %', 'it has no SET clause (which would stop the inlining)');

select * from finish();
rollback;
