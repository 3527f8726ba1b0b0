-- relaypg.check_digest accepts a 32-byte digest with a known scheme and
-- raises RVINV naming digest or digest_scheme otherwise.
begin;
select plan(10);

select lives_ok($$select relaypg.check_digest(sha256('k'::bytea), 'hmac-sha256:v1')$$,
  'a 32-byte hmac-sha256 digest is accepted');
select lives_ok($$select relaypg.check_digest(sha256('k'::bytea), 'crs-sha256')$$,
  'a 32-byte crs-sha256 digest is accepted');
select throws_ok($$select relaypg.check_digest(substring(sha256('k'::bytea) from 2), 'hmac-sha256:v1')$$,
  'RVINV', null, 'a 31-byte digest is refused');
select throws_ok($$select relaypg.check_digest(sha256('k'::bytea) || '\x00'::bytea, 'hmac-sha256:v1')$$,
  'RVINV', null, 'a 33-byte digest is refused');
select is(tests.error_column($$select relaypg.check_digest(null, 'hmac-sha256:v1')$$),
  'digest', 'a null digest is refused, naming digest');
select throws_ok($$select relaypg.check_digest(sha256('k'::bytea), 'sha256')$$,
  'RVINV', null, 'an unknown scheme is refused');
select throws_ok($$select relaypg.check_digest(sha256('k'::bytea), 'hmac-sha256')$$,
  'RVINV', null, 'an HMAC scheme without its secret version is refused');
select lives_ok($$select relaypg.check_digest(sha256('k'::bytea), 'hmac-sha256:v12')$$,
  'any secret version is accepted');
select is(tests.error_column($$select relaypg.check_digest(sha256('k'::bytea), 'sha256')$$),
  'digest_scheme', 'the scheme error names digest_scheme');
select is(tests.error_column($$select relaypg.check_digest(sha256('k'::bytea), null)$$),
  'digest_scheme', 'a null scheme is refused, naming digest_scheme');

select * from finish();
rollback;
