-- api.set_account_group_members replaces the member set: accounts not listed
-- are removed, new ones added, kept ones keep their added_at; duplicates are
-- harmless; an empty list empties the group; updated_at is set to now().
begin;
select plan(8);

select tests.create_account('a1');
select tests.create_account('a2');
select tests.create_account('a3');
select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);
create function pg_temp.sorted(p_ids uuid[]) returns uuid[] language sql immutable
  return (select array_agg(x order by x) from unnest(p_ids) x);
create function pg_temp.members() returns uuid[] language sql stable
  return (select array_agg(m.account_id order by m.account_id) from relaypg.account_group_members m
           where m.group_id = current_setting('tests.group_id')::uuid);

select is((api.set_account_group_members(current_setting('tests.group_id')::uuid,
             array[tests.account_id('a1'), tests.account_id('a2')])).member_ids,
  pg_temp.sorted(array[tests.account_id('a1'), tests.account_id('a2')]), 'the group is returned with its new members');
select is(pg_temp.members(), pg_temp.sorted(array[tests.account_id('a1'), tests.account_id('a2')]), 'the members are stored');

update relaypg.account_group_members set added_at = '2025-08-01T00:00:00Z';
update relaypg.account_groups set updated_at = '2025-08-01T00:00:00Z';
select api.set_account_group_members(current_setting('tests.group_id')::uuid,
  array[tests.account_id('a2'), tests.account_id('a3'), tests.account_id('a3')]);
select is(pg_temp.members(), pg_temp.sorted(array[tests.account_id('a2'), tests.account_id('a3')]),
  'a second call replaces the set: a1 (not listed) is removed, a3 added, the duplicate is harmless');
select is((select m.added_at from relaypg.account_group_members m where m.account_id = tests.account_id('a2')),
  '2025-08-01T00:00:00Z'::timestamptz, 'a kept member keeps its added_at');
select is((select m.added_at from relaypg.account_group_members m where m.account_id = tests.account_id('a3')),
  now(), 'a new member is added now()');
select is((select g.updated_at from relaypg.account_groups g), now(), 'the group''s updated_at is set to now()');

select is((api.set_account_group_members(current_setting('tests.group_id')::uuid, '{}')).member_ids, '{}'::uuid[],
  'an empty list returns an empty group');
select is(pg_temp.members(), null, 'an empty list removes every member');

select * from finish();
rollback;
