-- api.authenticate_api_key refuses a key whose expires_at has passed (or is
-- now) with AUEXP, and then reports no valid_until.
begin;
select plan(5);

select tests.create_key('past', jsonb_build_object('expires_at', now() - interval '1 day'));
select tests.create_key('now', jsonb_build_object('expires_at', now()));
select tests.create_key('soon', jsonb_build_object('expires_at', now() + interval '1 second'));

select is(tests.refusal(tests.digest('past')), 'AUEXP', 'a key that expired yesterday is refused with AUEXP');
select is(tests.refusal(tests.digest('now')), 'AUEXP', 'a key expiring exactly now is refused with AUEXP');
select is((select valid_until from api.authenticate_api_key(tests.digest('past'), null, null, null, null)), null,
  'an AUEXP refusal has no valid_until (it will not change by itself)');
select is(tests.refusal(tests.digest('soon')), null, 'a key expiring in a second is accepted');
select is((select valid_until from api.authenticate_api_key(tests.digest('soon'), null, null, null, null)),
  now() + interval '1 second', 'its valid_until is its expiry');

select * from finish();
rollback;
