-- api.count_accounts counts what api.list_accounts lists, with the same
-- filters (null = any); the runtime role may call it.
begin;
select plan(6);

select ok(tests.app_role_is_granted_execute('api.count_accounts(text, text, uuid)'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'count_accounts', array['text', 'text', 'uuid'], 'count_accounts is security definer');

select tests.create_account('a1');
select tests.create_account('a2');
select tests.create_account('c1', 'claude-console');
select tests.create_account('g1', 'gemini');
select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);
select api.set_account_group_members(current_setting('tests.group_id')::uuid, array[tests.account_id('a2'), tests.account_id('c1')]);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.count_accounts(null, null, null), 4::bigint, 'every account without filters');
select is(api.count_accounts('claude', null, null), 3::bigint, 'by platform (Console counts as claude)');
select is(api.count_accounts(null, 'claude-official', current_setting('tests.group_id')::uuid), 1::bigint, 'by kind within a group');
select is(api.count_accounts('claude', null, current_setting('tests.group_id')::uuid),
  (select count(*) from api.list_accounts('claude', null, current_setting('tests.group_id')::uuid, 500, 0)), 'the same as the list');
reset role;

select * from finish();
rollback;
