-- relaypg.keyring_current_version returns the ring's "current" number; ACKEY
-- when it is absent or not a whole JSON number.
begin;
select plan(7);

select is(relaypg.keyring_current_version(tests.keyring(1)), 1, 'current 1');
select is(relaypg.keyring_current_version(tests.keyring(2, array[1, 2])), 2, 'current 2 with two keys');
select is(relaypg.keyring_current_version('{"current": 5, "keys": {}}'), 5,
  'the current version is read even when its key is absent (keyring_key checks that)');
select throws_ok($$select relaypg.keyring_current_version('{"keys": {"1": "0123456789abcdef"}}')$$,
  'ACKEY', null, 'a ring without current raises ACKEY');
select throws_ok($$select relaypg.keyring_current_version('{"current": "2", "keys": {}}')$$,
  'ACKEY', null, 'a current given as a string raises ACKEY');
select throws_ok($$select relaypg.keyring_current_version(null)$$,
  'ACKEY', null, 'no ring at all raises ACKEY');
select throws_ok($$select relaypg.keyring_current_version('{"current": 1.5, "keys": {}}')$$,
  'ACKEY', null, 'a fractional current version raises ACKEY (not a cast error)');

select * from finish();
rollback;
