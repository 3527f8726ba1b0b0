-- api.authenticate_api_key after a rotation of the HMAC secret: a key stored
-- under a previous version is found through p_previous_digests, accepted, and
-- moved to the current digest (rehashed_now) so the old secret can be dropped.
begin;
select plan(8);

-- The key was created under secret version 1: its digest is tests.digest('old-v1').
select tests.create_key('old-v1');

create temp table rotated on commit drop as
  select * from api.authenticate_api_key(tests.digest('new-v2'), null, null, null, null,
    'hmac-sha256:v2', array[tests.digest('old-v1')], array['hmac-sha256:v1']);
select is((select refusal from rotated), null, 'the key is accepted through its previous-secret digest');
select is((select rehashed_now from rotated), true, 'rehashed_now says this call moved it');
select is((select activated_now from rotated), false, 'it was not an activation');
select is((tests.key(tests.key_id('old-v1'))).digest_scheme, 'hmac-sha256:v2', 'it is stored under the current version');
select is((tests.key(tests.key_id('old-v1'))).digest, tests.digest('new-v2'), 'with the current digest');

select is((select rehashed_now from api.authenticate_api_key(tests.digest('new-v2'), null, null, null, null,
    'hmac-sha256:v2', array[tests.digest('old-v1')], array['hmac-sha256:v1'])), false,
  'the next use finds it under the current secret');
select is(tests.refusal(tests.digest('old-v1')), 'AUUNK', 'the previous digest no longer authenticates on its own');

-- A refused key is not moved.
select tests.create_key('disabled-v1', '{"is_active": false}');
select is((select rehashed_now from api.authenticate_api_key(tests.digest('new-disabled'), null, null, null, null,
    'hmac-sha256:v2', array[tests.digest('disabled-v1')], array['hmac-sha256:v1'])), false,
  'a refused key stays under its previous digest');

select * from finish();
rollback;
