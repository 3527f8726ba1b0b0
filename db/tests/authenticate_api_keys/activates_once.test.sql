-- api.authenticate_api_keys: an activation-mode key used twice in one batch
-- is activated by the first use only; both uses are accepted and agree on
-- the activation. A refused use in the batch does not activate.
begin;
select plan(5);

select tests.create_key('k-new', '{"expiration_mode": "activation", "activation_days": 3}');
select tests.create_key('k-new-wrong-platform', '{"expiration_mode": "activation", "activation_days": 3, "permissions": "gemini"}');

create temp table batch on commit drop as
  select * from api.authenticate_api_keys(
    array[tests.digest('k-new'), tests.digest('k-new'), tests.digest('k-new-wrong-platform')],
    array[null, null, null]::bytea[], array['claude', 'claude', 'claude'],
    array[null, null, null]::text[], array[null, null, null]::text[]);

select is((select count(*)::int from batch where id = tests.key_id('k-new') and refusal is null), 2, 'both uses are accepted');
select is((select count(*)::int from batch where activated_now), 1, 'exactly one use activated the key');
select is((select count(distinct key ->> 'activatedAt')::int from batch where id = tests.key_id('k-new')), 1,
  'both decisions carry the same activation time');
select is((tests.key(tests.key_id('k-new'))).expires_at, now() + interval '3 days', 'the key now expires after its activation days');
select is((tests.key(tests.key_id('k-new-wrong-platform'))).is_activated, false, 'a refused use does not activate its key');

select * from finish();
rollback;
