-- api.migration_status returns the last committed migration applied.
begin;
select plan(3);

select is((select count(*)::int from api.migration_status()), 1, 'one row is returned');
select matches((select filename from api.migration_status()), '^0[0-9]*\.sql$', 'filename is a committed migration');
select is((select row(filename, hash) from api.migration_status())::text,
  (select row(m.filename, m.hash) from graphile_migrate.migrations m order by m.date desc, m.filename desc limit 1)::text,
  'it is the most recent row of graphile_migrate.migrations');

select * from finish();
rollback;
