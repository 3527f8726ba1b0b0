-- api.import_crs_sticky_session raises RVINV (platform) for an unknown
-- platform and IMBAD (sessionHash) for an empty or over-long session hash.
begin;
select plan(6);

select tests.create_account('a1');

select throws_ok($$select api.import_crs_sticky_session('bedrock', 'h', tests.account_id('a1')::text, 60)$$, 'RVINV', null,
  'an unknown platform raises RVINV');
select is(tests.error_column($$select api.import_crs_sticky_session(null, 'h', tests.account_id('a1')::text, 60)$$), 'platform',
  'naming platform');
select throws_ok($$select api.import_crs_sticky_session('claude', '', tests.account_id('a1')::text, 60)$$, 'IMBAD', null,
  'an empty session hash raises IMBAD');
select is(tests.error_column($$select api.import_crs_sticky_session('claude', null, tests.account_id('a1')::text, 60)$$), 'sessionHash',
  'a missing one names sessionHash');
select is(tests.error_column($$select api.import_crs_sticky_session('claude', repeat('a', 129), tests.account_id('a1')::text, 60)$$),
  'sessionHash', 'a hash of 129 characters names sessionHash');
select is((select count(*) from relaypg.sticky_sessions), 0::bigint, 'nothing was stored');

select * from finish();
rollback;
