-- api.list_dangling_key_bindings lists every key binding (CRS field name and
-- value) that names no existing account ('<id>', 'responses:<id>') or group
-- ('group:<id>'), ordered by key and field; bindings that resolve, and empty
-- bindings, are not listed.
begin;
select plan(4);

select tests.create_account('claude');
select tests.create_account('console', 'claude-console');
select tests.create_account('responses', 'openai-responses');
select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);

select tests.create_key('fine', jsonb_build_object(
  'claude_account_id', 'group:' || current_setting('tests.group_id'),
  'claude_console_account_id', tests.account_id('console'),
  'openai_account_id', 'responses:' || tests.account_id('responses'),
  'gemini_account_id', ''));
select tests.create_key('unbound');
select tests.create_key('dangling-1', jsonb_build_object(
  'claude_account_id', 'group:6f1c8a52-3d4e-4b7a-9c2d-8e5f0a1b2c3d',
  'claude_console_account_id', tests.account_id('claude'),
  'gemini_account_id', '7a2d9b63-4e5f-4c8b-8d3e-9f6a1b2c3d4e',
  'openai_account_id', 'responses:8b3e0c74-5f60-4d9c-9e4f-a07b2c3d4e5f',
  'azure_openai_account_id', 'not-an-id',
  'bedrock_account_id', '9c4f1d85-6071-4ead-8f50-b18c3d4e5f60'));
select tests.create_key('dangling-2', jsonb_build_object('claude_account_id', 'group:' || tests.account_id('claude')));

create temp table expected (api_key_id uuid, field text, binding text) on commit drop;
insert into expected values
  (tests.key_id('dangling-1'), 'azureOpenaiAccountId', 'not-an-id'),
  (tests.key_id('dangling-1'), 'bedrockAccountId', '9c4f1d85-6071-4ead-8f50-b18c3d4e5f60'),
  (tests.key_id('dangling-1'), 'claudeAccountId', 'group:6f1c8a52-3d4e-4b7a-9c2d-8e5f0a1b2c3d'),
  (tests.key_id('dangling-1'), 'geminiAccountId', '7a2d9b63-4e5f-4c8b-8d3e-9f6a1b2c3d4e'),
  (tests.key_id('dangling-1'), 'openaiAccountId', 'responses:8b3e0c74-5f60-4d9c-9e4f-a07b2c3d4e5f'),
  (tests.key_id('dangling-2'), 'claudeAccountId', 'group:' || tests.account_id('claude'));

select set_eq('select * from api.list_dangling_key_bindings()', 'select * from expected',
  'every binding naming no account or group is listed, and only those');
select results_eq('select api_key_id, field from api.list_dangling_key_bindings()',
  'select api_key_id, field from expected order by api_key_id, field', 'ordered by key, then field');

-- The group disappears behind the keys' back (deleted directly, not through api.delete_account_group).
delete from relaypg.account_groups where id = current_setting('tests.group_id')::uuid;
select is((select array_agg(binding) from api.list_dangling_key_bindings() where api_key_id = tests.key_id('fine')),
  array['group:' || current_setting('tests.group_id')], 'a binding whose group went away becomes dangling');
delete from relaypg.api_keys where name like 'dangling%';
delete from relaypg.api_keys where name = 'fine';
select is((select count(*) from api.list_dangling_key_bindings()), 0::bigint, 'with no dangling binding the list is empty');

select * from finish();
rollback;
