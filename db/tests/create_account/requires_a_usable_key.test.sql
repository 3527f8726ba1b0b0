-- api.create_account raises ACKEY when secrets (or a proxy password) are to
-- be stored and the ring has no current version, lacks its key, or the key
-- is too short; an account without any secret needs no key ring.
begin;
select plan(7);

select throws_ok($$select api.create_account('claude-official', '{"name": "a1"}', '{"accessToken": "at"}', tests.keyring(2, array[1]))$$,
  'ACKEY', null, 'a ring lacking the current version''s key raises ACKEY');
select throws_ok($$select api.create_account('claude-official', '{"name": "a1"}', '{"accessToken": "at"}', '{"current": 1, "keys": {"1": "short-key"}}')$$,
  'ACKEY', null, 'a too-short key raises ACKEY');
select throws_ok($$select api.create_account('claude-official', '{"name": "a1"}', '{"accessToken": "at"}', '{"keys": {"1": "0123456789abcdef"}}')$$,
  'ACKEY', null, 'a ring without a current version raises ACKEY');
select throws_ok($$select api.create_account('claude-official', '{"name": "a1"}', '{"accessToken": "at"}', null)$$,
  'ACKEY', null, 'no ring at all raises ACKEY');
select throws_ok($$select api.create_account('claude-official',
                   '{"name": "a1", "proxy": {"type": "http", "host": "h", "port": 80, "password": "pw"}}', '{}', null)$$,
  'ACKEY', null, 'a proxy password alone needs the key too');
select is((select count(*) from relaypg.accounts), 0::bigint, 'nothing was created');
select lives_ok($$select api.create_account('claude-official', '{"name": "a1", "proxy": {"type": "http", "host": "h", "port": 80}}', '{}', null)$$,
  'no secrets and a proxy without password: no key ring needed');

select * from finish();
rollback;
