-- api.import_crs_account_group raises IMBAD naming the CRS field (COLUMN) for
-- a bad or missing id, an id not matching the Redis key, an empty name or an
-- unknown platform; nothing is stored.
begin;
select plan(9);

select throws_ok($$select api.import_crs_account_group('account_group:x', '{"id": "x", "name": "g"}', null)$$,
  'IMBAD', null, 'an id that is not a UUID raises IMBAD');
select is(tests.error_column($$select api.import_crs_account_group('account_group:x', '{"id": "x", "name": "g"}', null)$$),
  'id', 'naming id');
select is(tests.error_info($$select api.import_crs_account_group('account_group:', '{"name": "g"}', null)$$) -> 'sqlstate', '"IMBAD"',
  'a missing id raises IMBAD');
select is(tests.error_column($$select api.import_crs_account_group('account_group:dd63ab55-cf68-47e4-ae85-1749e0ddc5f7',
    '{"id": "93901a76-31cb-4ddb-87be-931eac4ec92a", "name": "g"}', null)$$), 'id', 'an id that is not the Redis key''s names id');
select is(tests.error_column($$select api.import_crs_account_group(null, '{"id": "93901a76-31cb-4ddb-87be-931eac4ec92a", "name": "g"}', null)$$),
  'id', 'so does a missing Redis key');
select is(tests.error_column($$select api.import_crs_account_group('account_group:93901a76-31cb-4ddb-87be-931eac4ec92a',
    '{"id": "93901a76-31cb-4ddb-87be-931eac4ec92a", "name": " "}', null)$$), 'name', 'a blank name names name');
select is(tests.error_column($$select api.import_crs_account_group('account_group:93901a76-31cb-4ddb-87be-931eac4ec92a',
    '{"id": "93901a76-31cb-4ddb-87be-931eac4ec92a", "name": "g", "platform": "bedrock"}', null)$$), 'platform', 'an unknown platform names platform');
select is(tests.error_column($$select api.import_crs_account_group('account_group:93901a76-31cb-4ddb-87be-931eac4ec92a', '"g"', null)$$),
  '(hash)', 'fields that are not an object name (hash)');
select is((select count(*) from relaypg.account_groups), 0::bigint, 'nothing was stored');

select * from finish();
rollback;
