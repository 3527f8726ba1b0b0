-- api.delete_account_group raises ACBND while keys are bound to group:<id>
-- (detail: their ids) unless asked to unbind, and changes nothing; GRNFD for
-- an unknown or null id.
begin;
select plan(9);

select tests.create_account('a1');
select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);
select api.set_account_group_members(current_setting('tests.group_id')::uuid, array[tests.account_id('a1')]);
select tests.create_key('k1', jsonb_build_object('claude_account_id', 'group:' || current_setting('tests.group_id')));
select tests.create_key('k2', jsonb_build_object('claude_account_id', tests.account_id('a1')));

select throws_ok(format('select api.delete_account_group(%L)', current_setting('tests.group_id')),
  'ACBND', null, 'a group with bound keys is not deleted by default');
select throws_ok(format('select api.delete_account_group(%L, false)', current_setting('tests.group_id')),
  'ACBND', null, 'nor with p_unbind_keys = false');
select is(tests.error_info(format('select api.delete_account_group(%L)', current_setting('tests.group_id'))) ->> 'detail',
  tests.key_id('k1')::text, 'the detail lists the key bound to the group, not the key bound to a member');
select is((select count(*) from relaypg.account_groups), 1::bigint, 'the group is still there');
select is((api.get_account_group(current_setting('tests.group_id')::uuid)).member_ids, array[tests.account_id('a1')],
  'its members are still there');
select is(row((tests.key(tests.key_id('k1'))).claude_account_id, (tests.key(tests.key_id('k1'))).auth_version)::text,
  row('group:' || current_setting('tests.group_id'), 1::bigint)::text, 'the binding is unchanged');

select throws_ok($$select api.delete_account_group('00000000-0000-4000-8000-000000000000')$$,
  'GRNFD', null, 'an unknown id raises GRNFD');
select throws_ok($$select api.delete_account_group(null)$$,
  'GRNFD', null, 'a null id raises GRNFD');
select throws_ok(format('select api.delete_account_group(%L, true)', tests.account_id('a1')),
  'GRNFD', null, 'an account id is not a group id');

select * from finish();
rollback;
