-- api.create_oauth_session raises RVINV naming each bad argument (COLUMN) and
-- ACKEY for a key ring it cannot encrypt with; nothing is stored.
begin;
select plan(21);

create function pg_temp.create_sql(
  p_platform text default 'claude', p_flow text default 'oauth', p_state text default 'st',
  p_verifier text default 'ver', p_proxy jsonb default null, p_details jsonb default null,
  p_keyring jsonb default tests.keyring(), p_ttl interval default '10 minutes')
returns text language sql stable
return format('select api.create_oauth_session(%L, %L, %L, %L, null, %L, %L, %L, %L)',
              p_platform, p_flow, p_state, p_verifier, p_proxy, p_details, p_keyring, p_ttl);

select lives_ok(pg_temp.create_sql(), 'the reference call is valid');
select throws_ok(pg_temp.create_sql(p_platform => 'azure-openai'), 'RVINV', null, 'an unknown platform raises RVINV');
select is(tests.error_column(pg_temp.create_sql(p_platform => 'azure-openai')), 'platform', 'an unknown platform names platform');
select is(tests.error_column(pg_temp.create_sql(p_platform => null)), 'platform', 'a null platform names platform');
select is(tests.error_column(pg_temp.create_sql(p_flow => 'implicit')), 'flow', 'an unknown flow names flow');
select is(tests.error_column(pg_temp.create_sql(p_flow => null)), 'flow', 'a null flow names flow');
select is(tests.error_column(pg_temp.create_sql(p_state => '')), 'state', 'an empty state names state');
select is(tests.error_column(pg_temp.create_sql(p_state => null)), 'state', 'a null state names state');
select is(tests.error_column(pg_temp.create_sql(p_state => repeat('s', 513))), 'state', 'a state over 512 characters names state');
select is(tests.error_column(pg_temp.create_sql(p_verifier => '')), 'code_verifier', 'an empty verifier names code_verifier');
select is(tests.error_column(pg_temp.create_sql(p_verifier => null)), 'code_verifier', 'a null verifier names code_verifier');
select is(tests.error_column(pg_temp.create_sql(p_verifier => repeat('v', 513))), 'code_verifier',
  'a verifier over 512 characters names code_verifier');
select is(tests.error_column(pg_temp.create_sql(p_details => '[]')), 'details', 'non-object details name details');
select is(tests.error_column(pg_temp.create_sql(p_ttl => '0')), 'ttl', 'a zero ttl names ttl');
select is(tests.error_column(pg_temp.create_sql(p_ttl => '1 day 1 second')), 'ttl', 'a ttl over one day names ttl');
select is(tests.error_column(pg_temp.create_sql(p_proxy => '{"type": "ftp", "host": "h", "port": 21}')), 'proxy',
  'a bad proxy names proxy');
select is(tests.error_column(pg_temp.create_sql(p_proxy => '"socks5://h:1080"')), 'proxy', 'a non-object proxy names proxy');

select throws_ok(pg_temp.create_sql(p_keyring => '{}'), 'ACKEY', null, 'a key ring without a current version raises ACKEY');
select throws_ok(pg_temp.create_sql(p_keyring => '{"current": 1, "keys": {"2": "test-account-secret-key-v2-0123456789abcdef"}}'),
  'ACKEY', null, 'a key ring lacking the current key raises ACKEY');
select throws_ok(pg_temp.create_sql(p_keyring => '{"current": 1, "keys": {"1": "short"}}'),
  'ACKEY', null, 'a key shorter than 16 characters raises ACKEY');

select is((select count(*) from relaypg.oauth_sessions), 1::bigint, 'only the reference call stored a session');

select * from finish();
rollback;
