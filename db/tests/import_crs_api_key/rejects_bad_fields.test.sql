-- api.import_crs_api_key raises IMBAD naming the CRS field it cannot use,
-- and imports nothing.
begin;
select plan(15);

create function pg_temp.field_of_error(p_overrides jsonb) returns text language sql as $$
  select tests.error_column(format('select api.import_crs_api_key(%L, %L)',
    'apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', p_overrides)));
$$;

select throws_ok($$select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', '[]')$$,
  'IMBAD', null, 'a hash that is not an object raises IMBAD');
select is(tests.error_column($$select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', null)$$),
  '(hash)', 'a null hash names (hash)');
select is(tests.error_column($$select api.import_crs_api_key('apikey:5b8f2c4e-1d3a-4e6b-9c7d-2a4f6e8b0c1d', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'))$$),
  'id', 'an id that does not match the Redis key names id');
select is(tests.error_column($$select api.import_crs_api_key('apikey:key-1', tests.crs_api_key('key-1'))$$),
  'id', 'an id that is not a UUID names id');
select is(pg_temp.field_of_error('{"apiKey": "cr_0123456789abcdef"}'), 'apiKey', 'a plain key instead of a digest names apiKey');
select is(pg_temp.field_of_error('{"apiKey": ""}'), 'apiKey', 'a missing digest names apiKey');
select is(pg_temp.field_of_error('{"name": " "}'), 'name', 'a blank name names name');
select is(pg_temp.field_of_error('{"createdAt": ""}'), 'createdAt', 'a missing createdAt names createdAt');
select is(pg_temp.field_of_error('{"tokenLimit": "unlimited"}'), 'tokenLimit', 'a non-numeric tokenLimit names tokenLimit');
select is(pg_temp.field_of_error('{"dailyCostLimit": "-1"}'), 'dailyCostLimit', 'a negative dailyCostLimit names it');
select is(pg_temp.field_of_error('{"enableModelRestriction": "on"}'), 'enableModelRestriction', 'a non-boolean names the field');
select is(pg_temp.field_of_error('{"tags": "team-a"}'), 'tags', 'tags that are not a JSON array name tags');
select is(pg_temp.field_of_error('{"permissions": "bedrock"}'), 'permissions', 'an unknown permission names permissions');
select is(pg_temp.field_of_error('{"expirationMode": "sliding"}'), 'expirationMode', 'an unknown expirationMode names it');
select is(tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'), null, 'nothing was imported');

select * from finish();
rollback;
