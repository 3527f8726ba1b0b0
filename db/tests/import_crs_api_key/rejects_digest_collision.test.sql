-- api.import_crs_api_key raises IMBAD (apiKey) when the digest already
-- belongs to another key.
begin;
select plan(3);

select tests.create_key('existing', '{}', tests.digest('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'), 'crs-sha256');

select throws_ok($$select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'))$$,
  'IMBAD', null, 'a digest owned by another key raises IMBAD');
select is(tests.error_column($$select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'))$$),
  'apiKey', 'the error names apiKey');
select is(tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'), null, 'nothing was imported');

select * from finish();
rollback;
