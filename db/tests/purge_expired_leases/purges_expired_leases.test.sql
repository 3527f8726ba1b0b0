-- api.purge_expired_leases deletes the concurrency leases whose expires_at
-- is not after now() and returns how many; live leases stay.
-- api.run_maintenance reports the same count as leases. Leases are inserted
-- by hand.
begin;
select plan(3);

insert into relaypg.concurrency_leases (request_id, api_key_id, expires_at) values
  ('expired', '00000000-0000-4000-8000-0000000000a1', now() - interval '1 second'),
  ('at-now', '00000000-0000-4000-8000-0000000000a1', now()),
  ('live', '00000000-0000-4000-8000-0000000000a1', now() + interval '1 second');

select is(api.purge_expired_leases(), 2::bigint, 'the two expired leases are purged (expires_at = now() included)');
select is((select array_agg(request_id) from relaypg.concurrency_leases), array['live'], 'the live lease stays');

insert into relaypg.concurrency_leases (request_id, api_key_id, expires_at)
values ('expired-2', '00000000-0000-4000-8000-0000000000a1', now() - interval '1 minute');
select is((select leases from api.run_maintenance()), 1::bigint, 'maintenance purges expired leases and reports them');

select * from finish();
rollback;
