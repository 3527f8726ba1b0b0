-- relaypg.apply_account_settings raises RVINV whose COLUMN names the bad
-- field, for every setting; unknown settings (kind, platform, ...) are named
-- too; options may not hold secrets; Console and CCR need an http(s) apiUrl.
begin;
select plan(37);

select tests.create_account('a1');
select tests.create_account('c1', 'claude-console');

create function pg_temp.column_of(p_name text, p_settings jsonb) returns text language sql as $$
  select tests.error_column(format('select relaypg.apply_account_settings(tests.account(tests.account_id(%L)), %L)',
                                   p_name, p_settings));
$$;

select throws_ok($$select relaypg.apply_account_settings(tests.account(tests.account_id('a1')), '{"priority": 0}')$$,
  'RVINV', null, 'an invalid setting raises RVINV');
select is(pg_temp.column_of('a1', '[]'), 'settings', 'settings that are not an object');
select is(pg_temp.column_of('a1', 'null'), 'settings', 'settings that are JSON null');
select is(pg_temp.column_of('a1', '{"name": 42}'), 'name', 'a non-string name');
select is(pg_temp.column_of('a1', '{"name": "   "}'), 'name', 'a blank name');
select is(pg_temp.column_of('a1', '{"name": null}'), 'name', 'a null name');
select is(pg_temp.column_of('a1', jsonb_build_object('name', repeat('n', 201))), 'name', 'a name over 200 characters');
select is(pg_temp.column_of('a1', '{"description": 42}'), 'description', 'a non-string description');
select is(pg_temp.column_of('a1', jsonb_build_object('description', repeat('d', 2001))), 'description', 'a description over 2000 characters');
select is(pg_temp.column_of('a1', '{"priority": 0}'), 'priority', 'priority 0');
select is(pg_temp.column_of('a1', '{"priority": 101}'), 'priority', 'priority 101');
select is(pg_temp.column_of('a1', '{"priority": 1.5}'), 'priority', 'a fractional priority');
select is(pg_temp.column_of('a1', '{"priority": "5"}'), 'priority', 'a priority given as a string');
select is(pg_temp.column_of('a1', '{"is_active": "yes"}'), 'is_active', 'a non-boolean is_active');
select is(pg_temp.column_of('a1', '{"is_paused": null}'), 'is_paused', 'a null is_paused');
select is(pg_temp.column_of('a1', '{"account_type": "private"}'), 'account_type', 'an unknown account_type');
select is(pg_temp.column_of('a1', '{"model_mapping": "claude-opus-4"}'), 'model_mapping', 'a model_mapping string');
select is(pg_temp.column_of('a1', '{"subscription_plan": "ultra"}'), 'subscription_plan', 'an unknown subscription_plan');
select is(pg_temp.column_of('a1', '{"auto_stop_on_warning": 1}'), 'auto_stop_on_warning', 'a non-boolean auto_stop_on_warning');
select is(pg_temp.column_of('a1', '{"rate_limit_minutes": -1}'), 'rate_limit_minutes', 'negative rate_limit_minutes');
select is(pg_temp.column_of('a1', '{"rate_limit_minutes": 10081}'), 'rate_limit_minutes', 'rate_limit_minutes over a week');
select is(pg_temp.column_of('a1', '{"daily_quota": -1}'), 'daily_quota', 'a negative daily_quota');
select is(pg_temp.column_of('a1', '{"daily_quota": "ten"}'), 'daily_quota', 'a non-numeric daily_quota');
select is(pg_temp.column_of('a1', '{"quota_reset_time": "24:00"}'), 'quota_reset_time', 'quota_reset_time 24:00');
select is(pg_temp.column_of('a1', '{"quota_reset_time": "9:00"}'), 'quota_reset_time', 'quota_reset_time not HH:MM');
select is(pg_temp.column_of('a1', '{"token_expires_at": "tomorrow"}'), 'token_expires_at', 'a non-timestamp token_expires_at');
select is(pg_temp.column_of('a1', '{"options": []}'), 'options', 'options that are not an object');
select is(pg_temp.column_of('a1', '{"options": {"accessToken": "at"}}'), 'options', 'options holding a secret of the kind');
select is(pg_temp.column_of('a1', '{"options": {"proxyPassword": "pw"}}'), 'options', 'options holding proxyPassword');
select is(pg_temp.column_of('a1', '{"bogus": 1}'), 'bogus', 'an unknown setting is named');
select is(pg_temp.column_of('a1', '{"kind": "gemini"}'), 'kind', 'kind is not a setting');
select is(pg_temp.column_of('a1', '{"platform": "openai"}'), 'platform', 'platform is not a setting');
select is(pg_temp.column_of('a1', '{"version": 9}'), 'version', 'version is not a setting');
select is(pg_temp.column_of('c1', '{"options": {"apiKey": "sk"}}'), 'options', 'a Console account''s options may not hold apiKey');
select is(pg_temp.column_of('c1', '{"options": {"userAgent": "ua"}}'), 'options.apiUrl', 'a Console account without apiUrl');
select is(pg_temp.column_of('c1', '{"options": {"apiUrl": "ftp://upstream.example"}}'), 'options.apiUrl', 'a Console apiUrl that is not http(s)');
select is(pg_temp.column_of('a1', '{"options": {"apiKey": "not a secret of claude-official"}}'), null,
  'a claude-official account has no apiKey secret, so options may hold that name');

select * from finish();
rollback;
