-- api.create_api_key raises RVINV (allowed_clients) for a client id that is
-- not a known client kind, hinting at the known ones.
begin;
select plan(4);

select throws_ok($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "k1", "allowed_clients": ["claude_code", "cursor"]}')$$,
  'RVINV', null, 'an unknown client raises RVINV');
select is(tests.error_column($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "k1", "allowed_clients": ["cursor"]}')$$),
  'allowed_clients', 'the error names allowed_clients');
select is(tests.error_info($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "k1", "allowed_clients": ["ClaudeCode"]}')$$) ->> 'hint',
  'Known clients: claude_code, gemini_cli', 'the hint lists the known client ids (the id, not the display name)');
select is((select allowed_clients from api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "k1", "allowed_clients": ["gemini_cli", "claude_code"]}')),
  array['gemini_cli', 'claude_code'], 'known clients are accepted');

select * from finish();
rollback;
