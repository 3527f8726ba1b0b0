-- api.select_account for gemini, openai and azure-openai: each platform's
-- accounts only; openai-responses accounts count as openai; a key's
-- geminiAccountId / openaiAccountId binding ('responses:<id>' for a Responses
-- account, 'group:<id>' for a group) is honoured.
begin;
select plan(11);

select tests.create_account('claude', p_settings => '{"priority": 1}');
select tests.create_account('gemini', 'gemini', '{"priority": 50}');
select tests.create_account('gemini-own', 'gemini', '{"priority": 90, "account_type": "dedicated"}');
select tests.create_account('openai', 'openai', '{"priority": 50}');
select tests.create_account('responses', 'openai-responses', '{"priority": 60}');
select tests.create_account('azure', 'azure-openai', '{"priority": 50}');
select set_config('tests.group_id', (api.create_account_group('{"name": "oai", "platform": "openai"}')).id::text, true);
select api.set_account_group_members(current_setting('tests.group_id')::uuid, array[tests.account_id('responses')]);
select tests.create_key('k1');
select tests.create_key('k-gemini', jsonb_build_object('gemini_account_id', tests.account_id('gemini-own')));
select tests.create_key('k-responses', jsonb_build_object('openai_account_id', 'responses:' || tests.account_id('responses')));
select tests.create_key('k-openai', jsonb_build_object('openai_account_id', tests.account_id('openai')));
select tests.create_key('k-group', jsonb_build_object('openai_account_id', 'group:' || current_setting('tests.group_id')));

select is(tests.selected(tests.key_id('k1'), null, 'gemini-2.5-pro', 'gemini'), 'gemini', 'gemini is served by gemini accounts');
select is(tests.selected(tests.key_id('k-gemini'), null, 'gemini-2.5-pro', 'gemini'), 'gemini-own', 'a bound gemini account is used');
select is(tests.selected(tests.key_id('k1'), null, 'gpt-5', 'openai'), 'openai', 'openai is served by openai accounts');
select is(tests.selected(tests.key_id('k-responses'), null, 'gpt-5', 'openai'), 'responses',
  'a responses:<id> binding selects that OpenAI-Responses account');
select is((api.select_account(tests.key_id('k-responses'), 'openai', 'gpt-5', null)).account_kind, 'openai-responses',
  'reported with its kind');
select is(tests.selected(tests.key_id('k-group'), null, 'gpt-5', 'openai'), 'responses', 'a group:<id> binding on openai');
select is(tests.selected(tests.key_id('k1'), null, 'gpt-4o', 'azure-openai'), 'azure', 'azure-openai is served by azure accounts');

select api.pause_account(tests.account_id('openai'));
select is(tests.selected(tests.key_id('k1'), null, 'gpt-5', 'openai'), 'responses', 'OpenAI-Responses accounts are in the openai pool');
select is(tests.selected(tests.key_id('k-openai'), null, 'gpt-5', 'openai'), 'responses', 'a paused bound openai account falls back to the pool');

select api.pause_account(tests.account_id('gemini'));
select throws_ok($$select tests.selected(tests.key_id('k1'), null, 'gemini-2.5-pro', 'gemini')$$, 'SLNAV', null,
  'no account of another platform serves gemini');
select is(tests.error_info($$select tests.selected(tests.key_id('k1'), null, 'gemini-2.5-pro', 'gemini')$$) ->> 'detail',
  '1 paused', 'the detail counts the shared gemini accounts only');

select * from finish();
rollback;
