-- api.create_api_key raises RVINV naming the field for a value of the wrong
-- type or range, and creates nothing.
begin;
select plan(12);

create function pg_temp.field_of_error(p_settings jsonb) returns text language sql as $$
  select tests.error_column(format('select api.create_api_key(%L, %L, %L)',
    tests.digest('k1'), 'hmac-sha256:v1', jsonb_build_object('name', 'k1') || p_settings));
$$;

select throws_ok($$select api.create_api_key(tests.digest('k1'), 'hmac-sha256:v1', '{"name": "k1", "token_limit": -1}')$$,
  'RVINV', null, 'an invalid setting raises RVINV');
select is(pg_temp.field_of_error('{"description": 42}'), 'description', 'a non-string description is refused');
select is(pg_temp.field_of_error('{"permissions": "bedrock"}'), 'permissions', 'an unknown permission is refused');
select is(pg_temp.field_of_error('{"is_active": "yes"}'), 'is_active', 'a non-boolean is_active is refused');
select is(pg_temp.field_of_error('{"concurrency_limit": 100001}'), 'concurrency_limit', 'a concurrency limit above 100000 is refused');
select is(pg_temp.field_of_error('{"rate_limit_window": 1.5}'), 'rate_limit_window', 'a fractional window is refused');
select is(pg_temp.field_of_error('{"daily_cost_limit": -5}'), 'daily_cost_limit', 'a negative cost limit is refused');
select is(pg_temp.field_of_error('{"tags": "team-a"}'), 'tags', 'tags that are not an array are refused');
select is(pg_temp.field_of_error('{"restricted_models": [""]}'), 'restricted_models', 'a blank model entry is refused');
select is(pg_temp.field_of_error('{"expires_at": "next week"}'), 'expires_at', 'a non-timestamp expiry is refused');
select is(pg_temp.field_of_error('{"gemini_account_id": 7}'), 'gemini_account_id', 'a non-string account id is refused');
select is(tests.key_id('k1'), null, 'no key was created');

select * from finish();
rollback;
