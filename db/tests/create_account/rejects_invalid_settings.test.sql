-- api.create_account raises RVINV naming the field for an unknown kind, a
-- missing name, and any invalid setting (proxy included); nothing is created.
begin;
select plan(16);

create function pg_temp.column_of(p_kind text, p_settings jsonb) returns text language sql as $$
  select tests.error_column(format('select api.create_account(%L, %L, %L, tests.keyring())',
                                   p_kind, p_settings, '{}'));
$$;

select throws_ok($$select api.create_account('claude', '{"name": "a1"}', '{}', tests.keyring())$$,
  'RVINV', null, 'an unknown kind raises RVINV');
select is(pg_temp.column_of('claude', '{"name": "a1"}'), 'kind', 'an unknown kind is named');
select is(pg_temp.column_of(null, '{"name": "a1"}'), 'kind', 'a null kind');
select is(pg_temp.column_of('claude-official', '{}'), 'name', 'a missing name');
select is(pg_temp.column_of('claude-official', null), 'name', 'no settings at all');
select is(pg_temp.column_of('claude-official', '["a1"]'), 'name', 'settings that are not an object');
select is(pg_temp.column_of('claude-official', '{"name": ""}'), 'name', 'a blank name');
select is(pg_temp.column_of('claude-official', '{"name": "a1", "priority": 101}'), 'priority', 'priority 101');
select is(pg_temp.column_of('claude-official', '{"name": "a1", "account_type": "private"}'), 'account_type', 'an unknown account type');
select is(pg_temp.column_of('claude-official', '{"name": "a1", "model_mapping": {"claude-opus-4": 4}}'), 'model_mapping', 'a bad model mapping');
select is(pg_temp.column_of('claude-official', '{"name": "a1", "quota_reset_time": "25:00"}'), 'quota_reset_time', 'a bad reset time');
select is(pg_temp.column_of('claude-official', '{"name": "a1", "proxy": {"type": "socks5", "host": "h", "port": 0}}'), 'proxy', 'a bad proxy');
select is(pg_temp.column_of('claude-official', '{"name": "a1", "proxy": "socks5://h:1080"}'), 'proxy', 'a proxy given as a URL');
select is(pg_temp.column_of('claude-console', '{"name": "c1"}'), 'options.apiUrl', 'a Console account without apiUrl');
select is(pg_temp.column_of('ccr', '{"name": "c1", "options": {"apiUrl": "ccr.example"}}'), 'options.apiUrl', 'a CCR apiUrl without scheme');
select is((select count(*) from relaypg.accounts), 0::bigint, 'nothing was created');

select * from finish();
rollback;
