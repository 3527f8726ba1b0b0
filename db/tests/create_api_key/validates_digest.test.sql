-- api.create_api_key raises RVINV (digest / digest_scheme) for a digest that
-- is not 32 bytes or an unknown scheme, before reading the settings.
begin;
select plan(5);

select throws_ok($$select api.create_api_key('\x0102'::bytea, 'hmac-sha256:v1', '{"name": "k1"}')$$,
  'RVINV', null, 'a 2-byte digest raises RVINV');
select is(tests.error_column($$select api.create_api_key(sha512('k1'::bytea), 'hmac-sha256:v1', '{"name": "k1"}')$$),
  'digest', 'a 64-byte digest is refused, naming digest');
select is(tests.error_column($$select api.create_api_key(null, 'hmac-sha256:v1', '{"name": "k1"}')$$),
  'digest', 'a null digest is refused, naming digest');
select is(tests.error_column($$select api.create_api_key(tests.digest('k1'), 'plain', '{"name": "k1"}')$$),
  'digest_scheme', 'an unknown scheme is refused, naming digest_scheme');
select is(tests.error_column($$select api.create_api_key(null, 'hmac-sha256:v1', '{}')$$),
  'digest', 'the digest is checked before the settings');

select * from finish();
rollback;
