-- api.admit_request: a key without usage limits is admitted without a
-- concurrency lease (lease_expires_at null) and without touching its ledger
-- (no relaypg.api_key_usage row). A rate-limit window counts only with a
-- length and a limit: a length alone, or limits without a length, open no
-- window. A weekly Opus limit applies to Opus models only, so a request for
-- another model leaves that key's ledger alone too.
begin;
select plan(8);

select tests.create_key('none');
select tests.create_key('window-length-only', '{"rate_limit_window": 60}');
select tests.create_key('window-limits-only', '{"rate_limit_requests": 5, "token_limit": 1000, "rate_limit_cost": 1}');
select tests.create_key('opus-only', '{"weekly_opus_cost_limit": 10}');

create function pg_temp.admit(p_key text, p_request_id text, p_model text default 'claude-sonnet-4-20250514')
returns timestamptz language sql volatile
return (select a.lease_expires_at
          from api.admit_request(tests.key_id(p_key), (tests.key(tests.key_id(p_key))).auth_version, p_request_id, 'claude',
                                 p_model, p_select => false) a);

select is(pg_temp.admit('none', 'r1'), null::timestamptz, 'a key without limits is admitted with no lease expiry');
select is(pg_temp.admit('none', 'r2'), null::timestamptz, 'as often as it asks');
select is(pg_temp.admit('window-length-only', 'r3'), null::timestamptz, 'so is a key with a window length but no window limit');
select is(pg_temp.admit('window-limits-only', 'r4'), null::timestamptz, 'and a key with window limits but no window length');
select is(pg_temp.admit('opus-only', 'r5'), null::timestamptz, 'and a key with only a weekly Opus limit, for a Sonnet model');

select is((select count(*) from relaypg.concurrency_leases), 0::bigint, 'none of them took a concurrency lease');
select is((select count(*) from relaypg.api_key_usage), 0::bigint, 'none of them created a ledger row');

select pg_temp.admit('opus-only', 'r6', 'claude-opus-4-1-20250805');
select is((select count(*) from relaypg.api_key_usage where api_key_id = tests.key_id('opus-only')), 1::bigint,
  'an Opus request of the weekly-limited key does read its ledger (under its row lock)');

select * from finish();
rollback;
