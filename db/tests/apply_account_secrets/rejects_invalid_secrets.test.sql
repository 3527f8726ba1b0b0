-- relaypg.apply_account_secrets raises RVINV for secrets that are not an
-- object (COLUMN secrets), a name the kind does not hold or a value of the
-- wrong type (COLUMN secrets.<name>); ACKEY when the existing blob cannot be
-- decrypted or the ring has no current key, so no secret is ever lost.
begin;
select plan(11);

select tests.create_account('a1');
select tests.create_account('b1', 'bedrock');

create function pg_temp.column_of(p_name text, p_secrets jsonb) returns text language sql as $$
  select tests.error_column(format('select relaypg.apply_account_secrets(tests.account(tests.account_id(%L)), null, %L, tests.keyring())',
                                   p_name, p_secrets));
$$;

select throws_ok($$select relaypg.apply_account_secrets(tests.account(tests.account_id('a1')), null, '{"bogus": "x"}', tests.keyring())$$,
  'RVINV', null, 'an unknown secret raises RVINV');
select is(pg_temp.column_of('a1', '{"bogus": "x"}'), 'secrets.bogus', 'an unknown secret is named');
select is(pg_temp.column_of('a1', '{"apiKey": "sk"}'), 'secrets.apiKey', 'a secret of another kind is refused');
select is(pg_temp.column_of('a1', '["accessToken"]'), 'secrets', 'secrets that are not an object');
select is(pg_temp.column_of('a1', '{"accessToken": 42}'), 'secrets.accessToken', 'a numeric secret');
select is(pg_temp.column_of('a1', '{"accessToken": {"t": "x"}}'), 'secrets.accessToken', 'an object where a string is due');
select is(pg_temp.column_of('b1', '{"awsCredentials": ["AKIA"]}'), 'secrets.awsCredentials', 'awsCredentials as an array');
select is(pg_temp.column_of('b1', '{"awsCredentials": {"accessKeyId": "AKIA2", "secretAccessKey": "s2"}}'), null,
  'awsCredentials as an object is accepted');

select throws_ok($$select relaypg.apply_account_secrets(tests.account(tests.account_id('a1')), null, '{"refreshToken": "rt"}',
                   '{"current": 1, "keys": {"1": "another-key-of-the-same-version"}}')$$,
  'ACKEY', null, 'a wrong key for the existing blob raises ACKEY (its secrets are not dropped)');
select throws_ok($$select relaypg.apply_account_secrets(tests.account(tests.account_id('a1')), null, '{"refreshToken": "rt"}',
                   tests.keyring(2, array[1]))$$,
  'ACKEY', null, 'a ring without the key of its current version raises ACKEY');
select throws_ok($$select relaypg.apply_account_secrets(tests.account(tests.account_id('a1')),
                   '{"type": "http", "host": "h", "port": 80, "password": "p"}', null, tests.keyring(2))$$,
  'ACKEY', null, 'a proxy change needs the key of the existing blob too');

select * from finish();
rollback;
