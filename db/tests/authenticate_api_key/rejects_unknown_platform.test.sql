-- api.authenticate_api_key raises RVINV (platform) for an unknown platform.
begin;
select plan(3);

select tests.create_key('k1');

select throws_ok($$select * from api.authenticate_api_key(tests.digest('k1'), null, 'azure', null, null)$$,
  'RVINV', null, 'an unknown platform raises RVINV');
select is(tests.error_column($$select * from api.authenticate_api_key(tests.digest('k1'), null, 'Claude', null, null)$$),
  'platform', 'the error names platform (case matters)');
select throws_ok($$select * from api.authenticate_api_key(tests.digest('unknown'), null, 'bedrock', null, null)$$,
  'RVINV', null, 'the platform is checked before the key is looked up');

select * from finish();
rollback;
