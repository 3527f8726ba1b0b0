-- relaypg.pick_account returns the preferred account that can serve: lowest
-- priority number, then least recently used (never used first); only
-- accounts of the kinds, shared or in the group, available at p_at and
-- serving the model; an all-null row when there is none.
begin;
select plan(10);

select tests.create_account('p10-recent', p_settings => '{"priority": 10}');
select tests.create_account('p10-old', p_settings => '{"priority": 10}');
select tests.create_account('p10-never', 'bedrock', '{"priority": 10}');
select tests.create_account('p5-limited', p_settings => '{"priority": 5}');
select api.mark_account_rate_limited(tests.account_id('p5-limited'), now() + interval '1 hour');
select tests.create_account('p1-dedicated', p_settings => '{"priority": 1, "account_type": "dedicated"}');
select tests.create_account('p1-console', 'claude-console', '{"priority": 1, "model_mapping": ["claude-3-5-haiku-20241022"]}');
select tests.create_account('p1-gemini', 'gemini', '{"priority": 1}');
update relaypg.accounts set last_used_at = now() - interval '1 minute' where name = 'p10-recent';
update relaypg.accounts set last_used_at = now() - interval '1 hour' where name = 'p10-old';
select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);
select api.set_account_group_members(current_setting('tests.group_id')::uuid, array[tests.account_id('p10-recent'), tests.account_id('p1-dedicated')]);

create function pg_temp.pick(p_kinds text[] default array['claude-official', 'claude-console', 'bedrock'],
  p_group uuid default null, p_model text default 'claude-sonnet-4-20250514', p_at timestamptz default now())
returns text language sql stable
return (relaypg.pick_account(p_kinds, p_group, p_model, p_at)).name;

select is(pg_temp.pick(), 'p10-never', 'priority first (unavailable, dedicated, non-serving and other-platform accounts skipped), never used first');
select is(pg_temp.pick(p_kinds => array['claude-official']), 'p10-old', 'of the kinds asked for only, least recently used first');
select is(pg_temp.pick(p_at => now() + interval '2 hours'), 'p5-limited', 'availability is judged at p_at');
select is(pg_temp.pick(p_model => 'claude-3-5-haiku-20241022'), 'p1-console', 'an account mapping the model is preferred by priority');
select is(pg_temp.pick(p_group => current_setting('tests.group_id')::uuid), 'p1-dedicated', 'with a group, its members whatever their type');
select is(pg_temp.pick(array['gemini'], p_model => 'gemini-2.5-pro'), 'p1-gemini', 'gemini accounts for the gemini kind');
select is(pg_temp.pick(array['ccr']), null, 'no name when no account of the kinds exists');
select is((relaypg.pick_account(array['ccr'], null, 'm', now())).id, null, 'the row is all null then');

update relaypg.accounts set last_used_at = now() - interval '2 hours' where name = 'p10-recent';
select is(pg_temp.pick(p_kinds => array['claude-official']), 'p10-recent', 'a change of last use changes the order');
update relaypg.accounts set priority = 9 where name = 'p10-old';
select is(pg_temp.pick(p_kinds => array['claude-official']), 'p10-old', 'priority beats last use');

select * from finish();
rollback;
