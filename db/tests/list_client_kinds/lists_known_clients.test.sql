-- api.list_client_kinds lists the client identities (claude_code,
-- gemini_cli) with User-Agent patterns that match their clients.
begin;
select plan(5);

select ok(exists (select 1 from api.list_client_kinds() where id = 'claude_code' and name = 'ClaudeCode'),
  'claude_code is listed');
select ok(exists (select 1 from api.list_client_kinds() where id = 'gemini_cli' and name = 'Gemini-CLI'),
  'gemini_cli is listed');
select results_eq($$select id from api.list_client_kinds()$$,
  $$select id from api.list_client_kinds() order by id$$, 'the list is ordered by id');
select ok('claude-cli/1.0.83 (external, cli)' ~* (select user_agent_pattern from api.list_client_kinds() where id = 'claude_code'),
  'the claude_code pattern matches a Claude Code User-Agent');
select ok(not ('GeminiCLI/v0.1.5 (linux; x64)' ~* (select user_agent_pattern from api.list_client_kinds() where id = 'claude_code')),
  'the claude_code pattern does not match the Gemini CLI');

select * from finish();
rollback;
