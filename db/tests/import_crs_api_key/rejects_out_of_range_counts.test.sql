-- api.import_crs_api_key raises IMBAD (not a bare numeric error) for counts
-- that do not fit their column.
begin;
select plan(3);

select throws_ok($$select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', '{"concurrencyLimit": "3000000000"}'))$$,
  'IMBAD', null, 'a concurrencyLimit above the integer range raises IMBAD');
select is(tests.error_column($$select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', '{"rateLimitRequests": "99999999999"}'))$$),
  'rateLimitRequests', 'the error names the field');

select is(tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'), null, 'nothing was imported');

select * from finish();
rollback;
