-- api.import_crs_account raises IMBAD naming the CRS field (COLUMN) for a
-- record it cannot import (bad or missing id, id not matching the Redis key,
-- empty name, bad priority, account type, proxy, models or time) and RVINV
-- for bad arguments (kind, time zone, secrets); nothing is stored.
begin;
select plan(22);

create function pg_temp.column_of(p_overrides jsonb, p_key text default 'claude:account:5f607182-93a4-4c5d-86d7-e8f90a1b2c3d')
returns text language sql volatile
return tests.error_column(format('select api.import_crs_account(%L, %L, %L, %L, %L)', p_key, 'claude-official',
  tests.crs_claude_account('5f607182-93a4-4c5d-86d7-e8f90a1b2c3d', p_overrides), '{}', tests.keyring()));

select throws_ok($$select api.import_crs_account('claude:account:5f607182-93a4-4c5d-86d7-e8f90a1b2c3d', 'claude-official',
    tests.crs_claude_account('5f607182-93a4-4c5d-86d7-e8f90a1b2c3d', '{"priority": "0"}'), '{}', tests.keyring())$$,
  'IMBAD', null, 'an unusable record raises IMBAD');
select is(pg_temp.column_of('{"id": "not-a-uuid"}', 'claude:account:not-a-uuid'), 'id', 'an id that is not a UUID names id');
select is(tests.error_info($$select api.import_crs_account('claude:account:', 'claude-official',
    tests.crs_claude_account('x') - 'id', '{}', tests.keyring())$$) -> 'sqlstate', '"IMBAD"', 'a missing id raises IMBAD');
select is(tests.error_column($$select api.import_crs_account('claude:account:', 'claude-official',
    tests.crs_claude_account('x') - 'id', '{}', tests.keyring())$$), 'id', 'naming id');
select is(pg_temp.column_of('{}', 'claude:account:6a718293-a4b5-4d6e-97e8-f90a1b2c3d4e'), 'id', 'an id that is not the Redis key''s names id');
select is(pg_temp.column_of('{}', null), 'id', 'so does a missing Redis key');
select is(pg_temp.column_of('{"name": ""}'), 'name', 'an empty name names name');
select is(pg_temp.column_of('{"name": "   "}'), 'name', 'a blank name too');
select is(pg_temp.column_of('{"priority": "0"}'), 'priority', 'priority 0 names priority');
select is(pg_temp.column_of('{"priority": "101"}'), 'priority', 'priority 101 too');
select is(pg_temp.column_of('{"priority": "high"}'), 'priority', 'and a priority that is no number');
select is(pg_temp.column_of('{"accountType": "team"}'), 'accountType', 'an unknown accountType names it');
select is(pg_temp.column_of('{"proxy": "socks5://127.0.0.1:1080"}'), 'proxy', 'a proxy that is not JSON names proxy');
select is(pg_temp.column_of('{"proxy": "{\"type\":\"ftp\",\"host\":\"h\",\"port\":21}"}'), 'proxy', 'an unknown proxy type too');
select is(pg_temp.column_of('{"proxy": "{\"type\":\"http\",\"host\":\"h\",\"port\":70000}"}'), 'proxy', 'and a bad proxy port');
select is(pg_temp.column_of('{"supportedModels": "{\"m\": 1}"}'), 'supportedModels', 'a bad supportedModels names it');
select is(pg_temp.column_of('{"expiresAt": "soon"}'), 'expiresAt', 'a bad expiresAt names it');
select is(pg_temp.column_of('{"isActive": "yes"}'), 'isActive', 'a bad boolean names it');
select is(tests.error_column($$select api.import_crs_account('claude:account:5f607182-93a4-4c5d-86d7-e8f90a1b2c3d', 'claude-official', '[]', '{}', tests.keyring())$$),
  '(hash)', 'fields that are not an object name (hash)');

select is(tests.error_info($$select api.import_crs_account('claude:account:5f607182-93a4-4c5d-86d7-e8f90a1b2c3d', 'claude',
    tests.crs_claude_account('5f607182-93a4-4c5d-86d7-e8f90a1b2c3d'), '{}', tests.keyring())$$) - array['message', 'hint', 'detail'],
  '{"sqlstate": "RVINV", "column": "kind"}'::jsonb, 'an unknown kind raises RVINV naming kind');
select is(tests.error_info($$select api.import_crs_account('claude:account:5f607182-93a4-4c5d-86d7-e8f90a1b2c3d', 'claude-official',
    tests.crs_claude_account('5f607182-93a4-4c5d-86d7-e8f90a1b2c3d'), '{}', tests.keyring(), 'Mars/Olympus_Mons')$$) - array['message', 'hint', 'detail'],
  '{"sqlstate": "RVINV", "column": "time_zone"}'::jsonb, 'an unknown time zone raises RVINV naming time_zone');
select is(tests.error_info($$select api.import_crs_account('claude:account:5f607182-93a4-4c5d-86d7-e8f90a1b2c3d', 'claude-official',
    tests.crs_claude_account('5f607182-93a4-4c5d-86d7-e8f90a1b2c3d'), '{"apiKey": "k"}', tests.keyring())$$) - array['message', 'hint', 'detail'],
  '{"sqlstate": "RVINV", "column": "secrets.apiKey"}'::jsonb, 'a secret the kind does not hold raises RVINV naming it');

select * from finish();
rollback;
