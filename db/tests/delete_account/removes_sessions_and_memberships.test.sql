-- api.delete_account deletes the account with its sticky sessions and group
-- memberships; other accounts, their sessions and the group stay.
begin;
select plan(6);

select tests.create_account('a1');
select tests.create_account('a2', 'claude-console');
select set_config('tests.a1', tests.account_id('a1')::text, true);
select set_config('tests.group_id',
  (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);
select api.set_account_group_members(current_setting('tests.group_id')::uuid,
  array[tests.account_id('a1'), tests.account_id('a2')]);
insert into relaypg.sticky_sessions (platform, session_hash, account_id, expires_at) values
  ('claude', 'sess-a1-1', tests.account_id('a1'), now() + interval '1 hour'),
  ('claude', 'sess-a1-2', tests.account_id('a1'), now() + interval '2 hours'),
  ('claude', 'sess-a2', tests.account_id('a2'), now() + interval '1 hour');

select is(api.delete_account(tests.account_id('a1')), 0, 'the delete returns 0 (no key was bound)');
select is((select count(*) from relaypg.accounts a where a.id = current_setting('tests.a1')::uuid), 0::bigint,
  'the account row is gone');
select is((select array_agg(s.session_hash order by s.session_hash) from relaypg.sticky_sessions s),
  array['sess-a2'], 'its sticky sessions are gone, the other account''s stays');
select is((select count(*) from relaypg.account_group_members m where m.account_id = current_setting('tests.a1')::uuid),
  0::bigint, 'its group memberships are gone');
select is((api.get_account_group(current_setting('tests.group_id')::uuid)).member_ids, array[tests.account_id('a2')],
  'the group keeps its other member');
select is((tests.account(tests.account_id('a2'))).name, 'a2', 'the other account is untouched');

select * from finish();
rollback;
