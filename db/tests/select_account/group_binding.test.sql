-- api.select_account: a key bound to 'group:<id>' is served only by the
-- group's members (priority, then least recently used), whatever their
-- account type; when none can serve, SLNAV, not the shared pool.
begin;
select plan(8);

select tests.create_account('pool', p_settings => '{"priority": 1}');
select tests.create_account('member-50', p_settings => '{"priority": 50, "account_type": "group"}');
select tests.create_account('member-40', 'claude-console', '{"priority": 40, "account_type": "group"}');
select tests.create_account('outsider', p_settings => '{"priority": 2, "account_type": "group"}');
select set_config('tests.group_id', (api.create_account_group('{"name": "team", "platform": "claude"}')).id::text, true);
select api.set_account_group_members(current_setting('tests.group_id')::uuid,
  array[tests.account_id('member-50'), tests.account_id('member-40')]);
select tests.create_key('k-group', jsonb_build_object('claude_account_id', 'group:' || current_setting('tests.group_id')));
select tests.create_key('k-no-group', '{"claude_account_id": "group:6f1c8a52-3d4e-4b7a-9c2d-8e5f0a1b2c3d"}');

select is(tests.selected(tests.key_id('k-group')), 'member-40', 'the best-priority member is picked, not the shared pool');
select is(tests.selected(tests.key_id('k-group'), 'group-session'), 'member-40', 'with a session hash too');
select api.pause_account(tests.account_id('member-40'));
select is(tests.selected(tests.key_id('k-group'), 'group-session'), 'member-50',
  'then another member (the sticky mapping to a paused member is replaced)');
select is((select account_id from relaypg.sticky_sessions where session_hash = 'group-session'), tests.account_id('member-50'),
  'the mapping now names that member');

select api.pause_account(tests.account_id('member-50'));
select throws_ok($$select tests.selected(tests.key_id('k-group'))$$, 'SLNAV', null,
  'when no member can serve, SLNAV (no fallback to the shared pool)');
select is(tests.error_info($$select tests.selected(tests.key_id('k-group'))$$) ->> 'detail', '2 paused',
  'the detail counts the group''s members by reason');

select throws_ok($$select tests.selected(tests.key_id('k-no-group'))$$, 'SLNAV', null,
  'a binding to a group that does not exist raises SLNAV');
select is(tests.error_info($$select tests.selected(tests.key_id('k-no-group'))$$) ->> 'detail',
  'no account of this kind exists in the group', 'whose detail says the group has no account');

select * from finish();
rollback;
