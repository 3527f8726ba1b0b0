-- api.import_crs_account never overwrites relaypg: IMCNF (COLUMN id) when the
-- account was changed in relaypg since its import (e.g. paused), or exists
-- as another kind; the relaypg version is kept.
begin;
select plan(8);

select api.import_crs_account('claude:account:2c3d4e5f-6071-4829-93a4-b5c6d7e8f90a', 'claude-official',
  tests.crs_claude_account('2c3d4e5f-6071-4829-93a4-b5c6d7e8f90a'), '{"accessToken": "sk-ant-oat01-x"}', tests.keyring());
select api.pause_account('2c3d4e5f-6071-4829-93a4-b5c6d7e8f90a');

select throws_ok($$select api.import_crs_account('claude:account:2c3d4e5f-6071-4829-93a4-b5c6d7e8f90a', 'claude-official',
    tests.crs_claude_account('2c3d4e5f-6071-4829-93a4-b5c6d7e8f90a', '{"priority": "10"}'), '{"accessToken": "sk-ant-oat01-x"}', tests.keyring())$$,
  'IMCNF', null, 'a CRS change to an account paused in relaypg since its import raises IMCNF');
select is(tests.error_column($$select api.import_crs_account('claude:account:2c3d4e5f-6071-4829-93a4-b5c6d7e8f90a', 'claude-official',
    tests.crs_claude_account('2c3d4e5f-6071-4829-93a4-b5c6d7e8f90a', '{"priority": "10"}'), '{"accessToken": "sk-ant-oat01-x"}', tests.keyring())$$),
  'id', 'naming id');
select is((select row(priority, is_paused, version) from relaypg.accounts where id = '2c3d4e5f-6071-4829-93a4-b5c6d7e8f90a')::text,
  row(50, true, 2::bigint)::text, 'the relaypg version is kept');

select api.import_crs_account('claude:account:3d4e5f60-7182-4a3b-a4b5-c6d7e8f90a1b', 'claude-official',
  tests.crs_claude_account('3d4e5f60-7182-4a3b-a4b5-c6d7e8f90a1b'), '{}', tests.keyring());
select api.update_account('3d4e5f60-7182-4a3b-a4b5-c6d7e8f90a1b', '{"name": "renamed in relaypg"}', null, tests.keyring());
select throws_ok($$select api.import_crs_account('claude:account:3d4e5f60-7182-4a3b-a4b5-c6d7e8f90a1b', 'claude-official',
    tests.crs_claude_account('3d4e5f60-7182-4a3b-a4b5-c6d7e8f90a1b', '{"description": "changed in CRS"}'), '{}', tests.keyring())$$,
  'IMCNF', null, 'so does one to an account updated through the admin API');

select throws_ok($$select api.import_crs_account('claude_console_account:3d4e5f60-7182-4a3b-a4b5-c6d7e8f90a1b', 'claude-console',
    tests.crs_claude_account('3d4e5f60-7182-4a3b-a4b5-c6d7e8f90a1b', '{"apiUrl": "https://x.example"}'), '{}', tests.keyring())$$,
  'IMCNF', null, 'an id imported as another kind raises IMCNF');
select api.import_crs_account('claude:account:4e5f6071-8293-4b4c-b5c6-d7e8f90a1b2c', 'claude-official',
  tests.crs_claude_account('4e5f6071-8293-4b4c-b5c6-d7e8f90a1b2c'), '{}', tests.keyring());
select throws_ok($$select api.import_crs_account('gemini_account:4e5f6071-8293-4b4c-b5c6-d7e8f90a1b2c', 'gemini',
    tests.crs_claude_account('4e5f6071-8293-4b4c-b5c6-d7e8f90a1b2c'), '{}', tests.keyring())$$,
  'IMCNF', null, 'even when the relaypg account is unchanged since its import');
select is(tests.error_column($$select api.import_crs_account('gemini_account:4e5f6071-8293-4b4c-b5c6-d7e8f90a1b2c', 'gemini',
    tests.crs_claude_account('4e5f6071-8293-4b4c-b5c6-d7e8f90a1b2c'), '{}', tests.keyring())$$), 'id', 'naming id');
select is((tests.account('4e5f6071-8293-4b4c-b5c6-d7e8f90a1b2c')).kind, 'claude-official', 'the account keeps its kind');

select * from finish();
rollback;
