-- relaypg.to_api_key copies every stored field but the digest and the import
-- bookkeeping (crs_fingerprint, crs_synced_version), and adds the owner's username.
begin;
select plan(5);

select tests.create_user('u-alice');
select tests.create_key('owned', '{"owner_user_id": "u-alice", "tags": ["team-a"], "daily_cost_limit": 3.5}');
select tests.create_key('unowned');

select is(
  to_jsonb(relaypg.to_api_key(tests.key(tests.key_id('owned')))),
  to_jsonb(tests.key(tests.key_id('owned'))) - array['digest', 'crs_fingerprint', 'crs_synced_version'] || '{"owner_username": "u-alice"}',
  'every stored field but the digest is copied, plus owner_username');
select is((relaypg.to_api_key(tests.key(tests.key_id('owned')))).owner_username, 'u-alice',
  'owner_username is the owner''s username');
select is((relaypg.to_api_key(tests.key(tests.key_id('unowned')))).owner_username, null,
  'owner_username is null for a key without an owner');
select hasnt_column('api', 'api_key', 'digest', 'api.api_key has no digest column');
select is(
  (select count(*)::int from pg_attribute a where a.attrelid = 'api.api_key'::regclass and a.attnum > 0 and not a.attisdropped),
  (select count(*)::int - 2 from pg_attribute a where a.attrelid = 'relaypg.api_keys'::regclass and a.attnum > 0 and not a.attisdropped),
  'api.api_key has the table''s fields but the digest and the import bookkeeping, plus owner_username');

select * from finish();
rollback;
