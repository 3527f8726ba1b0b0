-- api.update_account_group is a partial update: only the given fields change,
-- updated_at is set to now(), members are kept and returned.
begin;
select plan(5);

select tests.create_account('a1');
select set_config('tests.group_id',
  (api.create_account_group('{"name": "g", "platform": "claude", "description": "old"}')).id::text, true);
select api.set_account_group_members(current_setting('tests.group_id')::uuid, array[tests.account_id('a1')]);
update relaypg.account_groups set created_at = '2025-08-01T00:00:00Z', updated_at = '2025-08-01T00:00:00Z';

create temp table updated on commit drop as
  select * from api.update_account_group(current_setting('tests.group_id')::uuid, '{"name": " renamed "}');

select is((select row(name, platform, description, member_ids, created_at, updated_at) from updated)::text,
  row('renamed', 'claude', 'old', array[tests.account_id('a1')], '2025-08-01T00:00:00Z'::timestamptz, now())::text,
  'only the name changed (trimmed); updated_at is now(), members are returned');
select is((select row(g.name, g.platform, g.description) from relaypg.account_groups g)::text,
  row('renamed', 'claude', 'old')::text, 'the change is stored');

select is((api.update_account_group(current_setting('tests.group_id')::uuid, '{"description": null}')).description, '',
  'a null description clears it');
select is((api.update_account_group(current_setting('tests.group_id')::uuid, '{}')).name, 'renamed',
  'empty changes change nothing');
select is((api.update_account_group(current_setting('tests.group_id')::uuid, null)).name, 'renamed',
  'null changes change nothing');

select * from finish();
rollback;
