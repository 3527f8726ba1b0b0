-- api.authenticate_api_keys raises RVINV, naming the field, for arrays that
-- do not describe one request per element, and for more than 1000 requests.
begin;
select plan(7);

select throws_ok($$select * from api.authenticate_api_keys(null, '{}', '{}', '{}', '{}')$$,
  'RVINV', null, 'null digests raise RVINV');
select is(tests.error_column($$select * from api.authenticate_api_keys(null, '{}', '{}', '{}', '{}')$$),
  'digests', 'naming digests');
select is(tests.error_column($$select * from api.authenticate_api_keys(array[tests.digest('a')], '{}', array['claude'], array[null::text], array[null::text])$$),
  'requests', 'a crs_digests array shorter than the digests is refused, naming requests');
select is(tests.error_column($$select * from api.authenticate_api_keys(array[tests.digest('a')], array[null::bytea], array['claude', 'claude'], array[null::text], array[null::text])$$),
  'requests', 'a longer platforms array is refused');
select is(tests.error_column($$select * from api.authenticate_api_keys(array[tests.digest('a'), tests.digest('b')],
    array[null, null]::bytea[], array[null, null]::text[], array[null, null]::text[], array[null, null]::text[],
    'hmac-sha256:v2', array[tests.digest('a-v1')], array['hmac-sha256:v1'])$$),
  'previous_digests', 'one previous digest for two requests is refused, naming previous_digests');
select is(tests.error_column($$select * from api.authenticate_api_keys(
    array_fill(tests.digest('a'), array[1001]), array_fill(null::bytea, array[1001]), array_fill(null::text, array[1001]),
    array_fill(null::text, array[1001]), array_fill(null::text, array[1001]))$$),
  'digests', 'more than 1000 requests are refused');
select throws_ok($$select * from api.authenticate_api_keys(array[tests.digest('a')], array[null::bytea], array['bogus'], array[null::text], array[null::text])$$,
  'RVINV', null, 'an unknown platform in one request raises RVINV, as the single call does');

select * from finish();
rollback;
