-- relaypg.keys_bound_to returns the keys whose binding (any of the six
-- binding columns, or 'responses:<id>' in openai_account_id) names the target
-- exactly: an account id or 'group:<id>'.
begin;
select plan(8);

select set_config('tests.t', '3f1c0e2a-0000-4000-8000-00000000000a', true);
select tests.create_key('claude', jsonb_build_object('claude_account_id', current_setting('tests.t')));
select tests.create_key('console', jsonb_build_object('claude_console_account_id', current_setting('tests.t')));
select tests.create_key('gemini', jsonb_build_object('gemini_account_id', current_setting('tests.t')));
select tests.create_key('openai', jsonb_build_object('openai_account_id', current_setting('tests.t')));
select tests.create_key('azure', jsonb_build_object('azure_openai_account_id', current_setting('tests.t')));
select tests.create_key('bedrock', jsonb_build_object('bedrock_account_id', current_setting('tests.t')));
select tests.create_key('responses', jsonb_build_object('openai_account_id', 'responses:' || current_setting('tests.t')));
select tests.create_key('group', jsonb_build_object('claude_account_id', 'group:' || current_setting('tests.t')));
select tests.create_key('other', jsonb_build_object('claude_account_id', '3f1c0e2a-0000-4000-8000-00000000000b'));
select tests.create_key('responses-elsewhere', jsonb_build_object('claude_account_id', 'responses:' || current_setting('tests.t')));
select tests.create_key('unbound');
create function pg_temp.bound(p_target text) returns text[] language sql stable
  return (select array_agg(k.name order by k.name) from relaypg.api_keys k
           where k.id in (select relaypg.keys_bound_to(p_target)));

select is(pg_temp.bound(current_setting('tests.t')),
  array['azure', 'bedrock', 'claude', 'console', 'gemini', 'openai', 'responses'],
  'an account id finds the keys naming it in any binding column, and responses:<id> in openai_account_id');
select is(pg_temp.bound('group:' || current_setting('tests.t')), array['group'], 'group:<id> finds the keys bound to the group');
select is(pg_temp.bound('3f1c0e2a-0000-4000-8000-00000000000b'), array['other'], 'another id finds only its key');
select is(pg_temp.bound('3f1c0e2a-0000-4000-8000-00000000000c'), null, 'an id no key names finds nothing');
select is(pg_temp.bound(upper(current_setting('tests.t'))),
  array['azure', 'bedrock', 'claude', 'console', 'gemini', 'openai', 'responses'],
  'the match ignores case, as api.select_account reads bindings');
select is(pg_temp.bound(null), null, 'null finds nothing');
select is((select count(*) from relaypg.keys_bound_to(current_setting('tests.t'))), 7::bigint,
  'each key is returned once');
select ok(not (select tests.key_id('responses-elsewhere') in (select relaypg.keys_bound_to(current_setting('tests.t')))),
  'responses:<id> counts only in openai_account_id');

select * from finish();
rollback;
