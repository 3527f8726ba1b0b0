-- api.regenerate_api_key raises KYDEL for a deleted key, KYDUP for a digest
-- in use (its own included), KYNFD for an unknown key and RVINV for a bad
-- digest or scheme.
begin;
select plan(7);

select tests.create_key('k1');
select tests.create_key('k2');
select tests.create_key('deleted');
select api.delete_api_key(tests.key_id('deleted'), 'admin', 'admin');

select throws_ok($$select api.regenerate_api_key(tests.key_id('deleted'), tests.digest('fresh'), 'hmac-sha256:v1')$$,
  'KYDEL', null, 'regenerating a deleted key raises KYDEL');
select throws_ok($$select api.regenerate_api_key(tests.key_id('k1'), tests.digest('k2'), 'hmac-sha256:v1')$$,
  'KYDUP', null, 'another key''s digest raises KYDUP');
select throws_ok($$select api.regenerate_api_key(tests.key_id('k1'), tests.digest('k1'), 'hmac-sha256:v1')$$,
  'KYDUP', null, 'the key''s own digest raises KYDUP');
select throws_ok($$select api.regenerate_api_key('00000000-0000-4000-8000-000000000000', tests.digest('fresh'), 'hmac-sha256:v1')$$,
  'KYNFD', null, 'an unknown id raises KYNFD');
select is(tests.error_column($$select api.regenerate_api_key(tests.key_id('k1'), '\x00'::bytea, 'hmac-sha256:v1')$$),
  'digest', 'a 1-byte digest raises RVINV naming digest');
select is(tests.error_column($$select api.regenerate_api_key(tests.key_id('k1'), tests.digest('fresh'), 'md5')$$),
  'digest_scheme', 'an unknown scheme raises RVINV naming digest_scheme');
select is(tests.refusal(tests.digest('k1')), null, 'after the refused calls, k1 still authenticates with its digest');

select * from finish();
rollback;
