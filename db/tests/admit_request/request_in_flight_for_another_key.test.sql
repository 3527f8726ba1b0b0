-- api.admit_request raises RVINV (column request_id) when the request id
-- holds a lease of another key: the other key's lease is left as it was and
-- the refused key takes none.
begin;
select plan(6);

select tests.create_key('k1', '{"concurrency_limit": 1}');
select tests.create_key('k2', '{"concurrency_limit": 5}');
create function pg_temp.admit(p_key text, p_request_id text, p_lease_ttl interval default '10 minutes')
returns timestamptz language sql volatile
return (select a.lease_expires_at
          from api.admit_request(tests.key_id(p_key), (tests.key(tests.key_id(p_key))).auth_version, p_request_id, 'claude',
                                 'claude-sonnet-4-20250514', p_select => false, p_lease_ttl => p_lease_ttl) a);

select is(pg_temp.admit('k1', 'shared-id', '5 minutes'), now() + interval '5 minutes', 'k1 admits the request id');
select throws_ok($$select pg_temp.admit('k2', 'shared-id')$$, 'RVINV', null,
  'the same request id for another key raises RVINV');
select is(tests.error_column($$select pg_temp.admit('k2', 'shared-id')$$), 'request_id', 'naming request_id');
select is((select array_agg(row(l.request_id, l.api_key_id, l.expires_at)::text) from relaypg.concurrency_leases l),
  array[row('shared-id', tests.key_id('k1'), now() + interval '5 minutes')::text],
  'k1''s lease is unchanged and k2 has none');
select is((select count(*) from relaypg.api_key_usage where api_key_id = tests.key_id('k2')), 0::bigint,
  'nor does the refused call leave a ledger row for k2');
select is(pg_temp.admit('k2', 'own-id'), now() + interval '10 minutes', 'k2 admits a request id of its own');

select * from finish();
rollback;
