-- relaypg.to_account_group maps a group row to api.account_group: its fields
-- and its member ids sorted by id ('{}' without members).
begin;
select plan(2);

select tests.create_account('a1');
select tests.create_account('a2');
select tests.create_account('a3');
insert into relaypg.account_groups (id, name, platform, description, created_at, updated_at, crs_extra) values
  ('7a000000-0000-4000-8000-000000000001', 'g', 'claude', 'd', '2025-08-01T00:00:00Z', '2025-08-02T00:00:00Z', '{"x": 1}'),
  ('7a000000-0000-4000-8000-000000000002', 'empty', 'gemini', '', '2025-08-01T00:00:00Z', '2025-08-01T00:00:00Z', '{}');
insert into relaypg.account_group_members (group_id, account_id)
  select '7a000000-0000-4000-8000-000000000001', tests.account_id(n) from unnest(array['a3', 'a1']) n;

select is((select relaypg.to_account_group(g) from relaypg.account_groups g where g.name = 'g')::text,
  row('7a000000-0000-4000-8000-000000000001'::uuid, 'g', 'claude', 'd',
      (select array_agg(x order by x) from unnest(array[tests.account_id('a1'), tests.account_id('a3')]) x),
      '2025-08-01T00:00:00Z'::timestamptz, '2025-08-02T00:00:00Z'::timestamptz)::api.account_group::text,
  'the fields and the members sorted by id are projected');
select is((select relaypg.to_account_group(g) from relaypg.account_groups g where g.name = 'empty')::text,
  row('7a000000-0000-4000-8000-000000000002'::uuid, 'empty', 'gemini', '', '{}'::uuid[],
      '2025-08-01T00:00:00Z'::timestamptz, '2025-08-01T00:00:00Z'::timestamptz)::api.account_group::text,
  'a group without members has an empty member list');

select * from finish();
rollback;
