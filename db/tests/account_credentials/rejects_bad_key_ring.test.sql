-- api.account_credentials raises ACNFD for an unknown id and ACKEY when the
-- ring lacks the blob's version, its key is too short, or it is the wrong key
-- of that version.
begin;
select plan(5);

select tests.create_account('a1');

select throws_ok($$select api.account_credentials('00000000-0000-4000-8000-000000000000', tests.keyring())$$,
  'ACNFD', null, 'an unknown id raises ACNFD');
select throws_ok($$select api.account_credentials(tests.account_id('a1'), tests.keyring(2))$$,
  'ACKEY', null, 'a ring without the blob''s version raises ACKEY');
select throws_ok($$select api.account_credentials(tests.account_id('a1'), '{"current": 1, "keys": {"1": "too-short"}}')$$,
  'ACKEY', null, 'a too-short key raises ACKEY');
select throws_ok($$select api.account_credentials(tests.account_id('a1'), '{"current": 1, "keys": {"1": "another-key-of-the-same-version"}}')$$,
  'ACKEY', null, 'a wrong key of the right version raises ACKEY');
select throws_ok($$select api.account_credentials(tests.account_id('a1'), null)$$,
  'ACKEY', null, 'no ring raises ACKEY when there are secrets');

select * from finish();
rollback;
