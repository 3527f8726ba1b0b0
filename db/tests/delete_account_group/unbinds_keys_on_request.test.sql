-- api.delete_account_group with p_unbind_keys clears every group:<id> binding,
-- returns how many keys changed and deletes the group and its memberships;
-- the member accounts and keys bound to them directly stay.
begin;
select plan(9);

select tests.create_account('a1');
select tests.create_account('o1', 'openai');
select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);
select set_config('tests.other_id', (api.create_account_group('{"name": "other", "platform": "openai"}')).id::text, true);
select api.set_account_group_members(current_setting('tests.group_id')::uuid, array[tests.account_id('a1')]);
select api.set_account_group_members(current_setting('tests.other_id')::uuid, array[tests.account_id('o1')]);
select tests.create_key('k1', jsonb_build_object('claude_account_id', 'group:' || current_setting('tests.group_id'),
                                                 'openai_account_id', 'group:' || current_setting('tests.other_id')));
select tests.create_key('k2', jsonb_build_object('gemini_account_id', 'group:' || current_setting('tests.group_id')));
select tests.create_key('k3', jsonb_build_object('claude_account_id', tests.account_id('a1')));

select is(api.delete_account_group(current_setting('tests.group_id')::uuid, true), 2,
  'the delete returns how many keys were unbound');
select is((select array_agg(g.name) from relaypg.account_groups g), array['other'], 'the group is deleted, the other stays');
select is(row((tests.key(tests.key_id('k1'))).claude_account_id, (tests.key(tests.key_id('k2'))).gemini_account_id)::text,
  row(null::text, null::text)::text, 'the group:<id> bindings are cleared');
select is((tests.key(tests.key_id('k1'))).openai_account_id, 'group:' || current_setting('tests.other_id'),
  'a binding to another group on the same key stays');
select is(array[(tests.key(tests.key_id('k1'))).auth_version, (tests.key(tests.key_id('k2'))).auth_version],
  array[2::bigint, 2::bigint], 'the unbound keys have their auth_version bumped');
select is(row((tests.key(tests.key_id('k3'))).claude_account_id, (tests.key(tests.key_id('k3'))).auth_version)::text,
  row(tests.account_id('a1')::text, 1::bigint)::text, 'a key bound to a member account is untouched');
select is((select count(*) from relaypg.account_group_members m where m.group_id = current_setting('tests.group_id')::uuid),
  0::bigint, 'the group''s memberships are gone');
select is((select count(*) from relaypg.accounts), 2::bigint, 'the member accounts stay');
select is(api.delete_account_group(current_setting('tests.other_id')::uuid, true), 1,
  'the other group unbinds its one key');

select * from finish();
rollback;
