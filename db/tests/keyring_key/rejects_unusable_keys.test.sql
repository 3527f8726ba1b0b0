-- relaypg.keyring_key raises ACKEY (with a hint) when the ring lacks the
-- version, the key is shorter than 16 characters, or there is no ring.
begin;
select plan(7);

select throws_ok($$select relaypg.keyring_key(tests.keyring(1), 2)$$,
  'ACKEY', null, 'a version missing from the ring raises ACKEY');
select throws_ok($$select relaypg.keyring_key('{"current": 1, "keys": {"1": "0123456789abcde"}}', 1)$$,
  'ACKEY', null, 'a 15-character key raises ACKEY');
select throws_ok($$select relaypg.keyring_key('{"current": 1, "keys": {"1": ""}}', 1)$$,
  'ACKEY', null, 'an empty key raises ACKEY');
select throws_ok($$select relaypg.keyring_key('{"current": 1}', 1)$$,
  'ACKEY', null, 'a ring without keys raises ACKEY');
select throws_ok($$select relaypg.keyring_key(null, 1)$$,
  'ACKEY', null, 'no ring at all raises ACKEY');
select throws_ok($$select relaypg.keyring_key(tests.keyring(1), null)$$,
  'ACKEY', null, 'a null version raises ACKEY');
select isnt(tests.error_info($$select relaypg.keyring_key(tests.keyring(1), 2)$$) ->> 'hint', '',
  'the error carries a hint on configuring the key');

select * from finish();
rollback;
