-- relaypg.save_account writes a modified row back and returns it as stored;
-- the version trigger decides the bump (none for an unchanged row or usage
-- bookkeeping); an unknown id writes nothing and returns an all-null row.
begin;
select plan(7);

select tests.create_account('a1');
create temp table r on commit drop as select tests.account(tests.account_id('a1')) r0;

create temp table saved on commit drop as
  select (relaypg.save_account(jsonb_populate_record((select r0 from r), jsonb_build_object(
    'priority', 7, 'error_message', 'boom', 'crs_extra', '{"k": "v"}'::jsonb,
    'rate_limited_until', now() + interval '1 hour')))).*;
select is((select row(priority, error_message, crs_extra, rate_limited_until)::text from saved),
  row(7, 'boom', '{"k": "v"}'::jsonb, now() + interval '1 hour')::text, 'the changed columns are returned');
select is((select row(priority, error_message, crs_extra, rate_limited_until)::text from relaypg.accounts where name = 'a1'),
  row(7, 'boom', '{"k": "v"}'::jsonb, now() + interval '1 hour')::text, 'and stored');
select is((select version from saved), 2::bigint, 'the change bumps the version');
select is((select secrets from saved), (select (r0).secrets from r), 'the secrets are written back unchanged');

select is((relaypg.save_account(tests.account(tests.account_id('a1')))).version, 2::bigint,
  'saving the row unchanged does not bump');
select is((relaypg.save_account(jsonb_populate_record(tests.account(tests.account_id('a1')),
             jsonb_build_object('last_used_at', now())))).version, 2::bigint,
  'saving only a new last_used_at does not bump');
select is((relaypg.save_account(jsonb_populate_record((select r0 from r),
            '{"id": "00000000-0000-4000-8000-000000000000"}'))).id, null,
  'an unknown id writes nothing and returns no row (all nulls)');

select * from finish();
rollback;
