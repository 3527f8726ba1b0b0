-- api.get_account_group returns a group with its members (sorted by id);
-- GRNFD for an unknown or null id.
begin;
select plan(4);

select tests.create_account('a1');
select tests.create_account('a2', 'bedrock');
select tests.create_account('a3');
select set_config('tests.group_id',
  (api.create_account_group('{"name": "g", "platform": "claude", "description": "d"}')).id::text, true);
select api.set_account_group_members(current_setting('tests.group_id')::uuid,
  array[tests.account_id('a1'), tests.account_id('a2')]);
update relaypg.account_groups set created_at = '2025-08-01T00:00:00Z', updated_at = '2025-08-02T00:00:00Z';

select is((select row(id, name, platform, description, member_ids, created_at, updated_at)
             from api.get_account_group(current_setting('tests.group_id')::uuid))::text,
  row(current_setting('tests.group_id')::uuid, 'g', 'claude', 'd',
      (select array_agg(x order by x) from unnest(array[tests.account_id('a1'), tests.account_id('a2')]) x),
      '2025-08-01T00:00:00Z'::timestamptz, '2025-08-02T00:00:00Z'::timestamptz)::text,
  'the group is returned with its stored fields and its members sorted by id');
select set_config('tests.empty_id', (api.create_account_group('{"name": "empty", "platform": "openai"}')).id::text, true);
select is((api.get_account_group(current_setting('tests.empty_id')::uuid)).member_ids,
  '{}'::uuid[], 'a group without members has an empty member list');

select throws_ok($$select api.get_account_group('00000000-0000-4000-8000-000000000000')$$,
  'GRNFD', null, 'an unknown id raises GRNFD');
select throws_ok($$select api.get_account_group(null)$$,
  'GRNFD', null, 'a null id raises GRNFD');

select * from finish();
rollback;
