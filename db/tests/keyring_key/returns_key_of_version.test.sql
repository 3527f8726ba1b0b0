-- relaypg.keyring_key returns the key of the version asked for, whichever
-- version is current; a key of exactly 16 characters is usable.
begin;
select plan(4);

select is(relaypg.keyring_key(tests.keyring(2, array[1, 2]), 1), 'test-account-secret-key-v1-0123456789abcdef',
  'the key of an older version is returned');
select is(relaypg.keyring_key(tests.keyring(2, array[1, 2]), 2), 'test-account-secret-key-v2-0123456789abcdef',
  'the key of the current version is returned');
select is(relaypg.keyring_key('{"current": 1, "keys": {"1": "0123456789abcdef"}}', 1), '0123456789abcdef',
  'a 16-character key is usable');
select is(relaypg.keyring_key('{"current": 3, "keys": {"7": "0123456789abcdef-seven"}}', 7), '0123456789abcdef-seven',
  'a version is found by its number, not by being current');

select * from finish();
rollback;
