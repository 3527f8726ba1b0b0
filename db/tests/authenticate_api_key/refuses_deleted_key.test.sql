-- api.authenticate_api_key refuses a soft-deleted key with AUDEL.
begin;
select plan(4);

select tests.create_key('k1', '{"expires_at": "2030-01-01T00:00:00Z"}');
select is(tests.refusal(tests.digest('k1')), null, 'the key is accepted before the delete');
select api.delete_api_key(tests.key_id('k1'), 'admin', 'admin');

create temp table refused on commit drop as
  select * from api.authenticate_api_key(tests.digest('k1'), null, null, null, null);

select is((select refusal from refused), 'AUDEL', 'a deleted key is refused with AUDEL');
select is((select id from refused), tests.key_id('k1'), 'the refusal names the key (so it can be cached per key)');
select is((select valid_until from refused), '2030-01-01T00:00:00Z'::timestamptz,
  'valid_until is the key''s expiry for a refusal other than AUEXP');

select * from finish();
rollback;
