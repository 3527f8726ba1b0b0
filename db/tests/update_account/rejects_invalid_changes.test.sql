-- api.update_account raises ACNFD for an unknown id, RVINV naming the field
-- for an invalid or unknown setting or secret, ACKEY when the stored blob
-- cannot be decrypted with the ring given; a refused update changes nothing.
begin;
select plan(13);

select tests.create_account('a1');
select tests.create_account('c1', 'claude-console');

create function pg_temp.column_of(p_name text, p_changes jsonb, p_secrets jsonb) returns text language sql as $$
  select tests.error_column(format('select api.update_account(tests.account_id(%L), %L, %L, tests.keyring())',
                                   p_name, p_changes, p_secrets));
$$;

select throws_ok($$select api.update_account('00000000-0000-4000-8000-000000000000', '{"priority": 5}', null, null)$$,
  'ACNFD', null, 'an unknown id raises ACNFD');
select throws_ok($$select api.update_account(tests.account_id('a1'), '{"priority": 0}', null, null)$$,
  'RVINV', null, 'an invalid setting raises RVINV');
select is(pg_temp.column_of('a1', '{"priority": 0}', null), 'priority', 'priority 0');
select is(pg_temp.column_of('a1', '{"name": null}', null), 'name', 'a null name');
select is(pg_temp.column_of('a1', '{"kind": "gemini"}', null), 'kind', 'the kind cannot be changed');
select is(pg_temp.column_of('a1', '{"proxy": {"type": "socks4", "host": "h", "port": 1}}', null), 'proxy', 'a bad proxy');
select is(pg_temp.column_of('c1', '{"options": {"userAgent": "ua"}}', null), 'options.apiUrl', 'replacing a Console account''s options without apiUrl');
select is(pg_temp.column_of('a1', '[]', null), 'settings', 'changes that are not an object');
select is(pg_temp.column_of('a1', null, '{"apiKey": "sk"}'), 'secrets.apiKey', 'a secret the kind does not hold');
select throws_ok($$select api.update_account(tests.account_id('a1'), null, '{"refreshToken": "rt"}', tests.keyring(2))$$,
  'ACKEY', null, 'a ring without the stored blob''s version raises ACKEY');
select throws_ok($$select api.update_account(tests.account_id('a1'), null, '{"refreshToken": "rt"}',
                   '{"current": 1, "keys": {"1": "another-key-of-the-same-version"}}')$$,
  'ACKEY', null, 'a wrong key of the stored version raises ACKEY');
select throws_ok($$select api.update_account(tests.account_id('a1'), '{"priority": 5}', '{"refreshToken": "rt"}', null)$$,
  'ACKEY', null, 'a secrets change without a ring raises ACKEY (settings are not saved alone)');
select is((select row(version, priority, secret_names)::text from relaypg.accounts where name = 'a1'),
  row(1::bigint, 50, array['accessToken'])::text, 'the refused updates changed nothing');

select * from finish();
rollback;
