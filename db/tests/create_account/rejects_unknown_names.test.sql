-- api.create_account refuses (RVINV, COLUMN naming it) an unknown setting, an
-- unknown secret, a secret of another kind, a secret of the wrong type, and
-- secrets that are not an object; nothing is created.
begin;
select plan(9);

create function pg_temp.column_of(p_kind text, p_settings jsonb, p_secrets jsonb) returns text language sql as $$
  select tests.error_column(format('select api.create_account(%L, %L, %L, tests.keyring())', p_kind, p_settings, p_secrets));
$$;

select throws_ok($$select api.create_account('claude-official', '{"name": "a1", "schedulable": true}', '{}', tests.keyring())$$,
  'RVINV', null, 'an unknown setting raises RVINV');
select is(pg_temp.column_of('claude-official', '{"name": "a1", "schedulable": true}', '{}'), 'schedulable', 'an unknown setting is named');
select is(pg_temp.column_of('claude-official', '{"name": "a1", "platform": "gemini"}', '{}'), 'platform', 'platform cannot be set');
select throws_ok($$select api.create_account('claude-official', '{"name": "a1"}', '{"sessionKey": "x"}', tests.keyring())$$,
  'RVINV', null, 'an unknown secret raises RVINV');
select is(pg_temp.column_of('claude-official', '{"name": "a1"}', '{"sessionKey": "x"}'), 'secrets.sessionKey', 'an unknown secret is named');
select is(pg_temp.column_of('gemini', '{"name": "g1"}', '{"apiKey": "x"}'), 'secrets.apiKey', 'a secret another kind holds');
select is(pg_temp.column_of('openai', '{"name": "o1"}', '{"accessToken": 123}'), 'secrets.accessToken', 'a secret that is not a string');
select is(pg_temp.column_of('openai', '{"name": "o1"}', '"at"'), 'secrets', 'secrets that are not an object');
select is((select count(*) from relaypg.accounts), 0::bigint, 'nothing was created');

select * from finish();
rollback;
