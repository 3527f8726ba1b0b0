-- api.set_account_group_members accepts only accounts of the group's platform
-- (claude-console, ccr and bedrock count as claude; openai-responses as
-- openai) and raises GRMBR otherwise, changing nothing.
begin;
select plan(9);

select tests.create_account('official');
select tests.create_account('console', 'claude-console');
select tests.create_account('ccr', 'ccr');
select tests.create_account('bedrock', 'bedrock');
select tests.create_account('gemini', 'gemini');
select tests.create_account('openai', 'openai');
select tests.create_account('responses', 'openai-responses', '{"options": {"baseApi": "https://upstream.example"}}',
  '{"apiKey": "sk-test"}');
select tests.create_account('azure', 'azure-openai', '{"options": {"azureEndpoint": "https://x.openai.azure.com"}}',
  '{"apiKey": "az-test"}');
select set_config('tests.claude', (api.create_account_group('{"name": "c", "platform": "claude"}')).id::text, true);
select set_config('tests.openai', (api.create_account_group('{"name": "o", "platform": "openai"}')).id::text, true);
select set_config('tests.gemini', (api.create_account_group('{"name": "g", "platform": "gemini"}')).id::text, true);
create function pg_temp.ids(p_names text[]) returns uuid[] language sql stable
  return (select array_agg(a.id order by a.id) from relaypg.accounts a where a.name = any(p_names));

select is((api.set_account_group_members(current_setting('tests.claude')::uuid,
             pg_temp.ids(array['official', 'console', 'ccr', 'bedrock']))).member_ids,
  pg_temp.ids(array['official', 'console', 'ccr', 'bedrock']),
  'a claude group holds claude-official, claude-console, ccr and bedrock accounts');
select is((api.set_account_group_members(current_setting('tests.openai')::uuid,
             pg_temp.ids(array['openai', 'responses']))).member_ids,
  pg_temp.ids(array['openai', 'responses']), 'an openai group holds openai and openai-responses accounts');
select is((api.set_account_group_members(current_setting('tests.gemini')::uuid,
             pg_temp.ids(array['gemini']))).member_ids,
  pg_temp.ids(array['gemini']), 'a gemini group holds gemini accounts');

select throws_ok(format('select api.set_account_group_members(%L, %L)', current_setting('tests.claude'),
    pg_temp.ids(array['official', 'gemini'])),
  'GRMBR', null, 'a gemini account in a claude group raises GRMBR');
select throws_ok(format('select api.set_account_group_members(%L, %L)', current_setting('tests.claude'),
    pg_temp.ids(array['azure'])),
  'GRMBR', null, 'an azure-openai account in a claude group raises GRMBR');
select throws_ok(format('select api.set_account_group_members(%L, %L)', current_setting('tests.openai'),
    pg_temp.ids(array['official'])),
  'GRMBR', null, 'a claude account in an openai group raises GRMBR');
select throws_ok(format('select api.set_account_group_members(%L, %L)', current_setting('tests.gemini'),
    pg_temp.ids(array['responses'])),
  'GRMBR', null, 'an openai-responses account in a gemini group raises GRMBR');

select is((api.get_account_group(current_setting('tests.claude')::uuid)).member_ids,
  pg_temp.ids(array['official', 'console', 'ccr', 'bedrock']), 'the refused call left the claude group''s members as they were');
select is((select count(*) from relaypg.account_group_members), 7::bigint, 'no membership was added or removed');

select * from finish();
rollback;
