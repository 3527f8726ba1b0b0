-- api.list_accounts filters by platform, kind and group (null = any) and
-- pages through accounts ordered by platform, priority, name (then id).
begin;
select plan(9);

select tests.create_account('claude-b', 'claude-official', '{"priority": 20}');
select tests.create_account('claude-a', 'claude-official', '{"priority": 20}');
select tests.create_account('console-1', 'claude-console', '{"priority": 10}');
select tests.create_account('gemini-1', 'gemini');
select tests.create_account('openai-1', 'openai');
select tests.create_account('responses-1', 'openai-responses', '{"priority": 1}');
insert into relaypg.account_groups (id, name, platform) values ('00000000-0000-4000-8000-0000000000a1', 'g1', 'claude');
insert into relaypg.account_group_members (group_id, account_id)
  select '00000000-0000-4000-8000-0000000000a1', id from relaypg.accounts where name in ('claude-a', 'console-1');

select results_eq($$select name from api.list_accounts(null, null, null, 500, 0)$$,
  array['console-1', 'claude-a', 'claude-b', 'gemini-1', 'responses-1', 'openai-1'],
  'all accounts: by platform, then priority, then name');
select results_eq($$select name from api.list_accounts('claude', null, null, 500, 0)$$,
  array['console-1', 'claude-a', 'claude-b'], 'platform claude (Console included)');
select results_eq($$select name from api.list_accounts(null, 'claude-official', null, 500, 0)$$,
  array['claude-a', 'claude-b'], 'kind claude-official');
select results_eq($$select name from api.list_accounts('openai', 'openai-responses', null, 500, 0)$$,
  array['responses-1'], 'platform and kind together');
select results_eq($$select name from api.list_accounts(null, null, '00000000-0000-4000-8000-0000000000a1', 500, 0)$$,
  array['console-1', 'claude-a'], 'a group: its members');
select is_empty($$select name from api.list_accounts('gemini', null, '00000000-0000-4000-8000-0000000000a1', 500, 0)$$,
  'filters combine: no gemini account in the group');
select results_eq($$select name from api.list_accounts(null, null, null, 2, 0)$$,
  array['console-1', 'claude-a'], 'the first page');
select results_eq($$select name from api.list_accounts(null, null, null, 2, 4)$$,
  array['responses-1', 'openai-1'], 'a later page continues the order');
select is_empty($$select name from api.list_accounts(null, null, null, 2, 6)$$, 'an offset past the end returns nothing');

select * from finish();
rollback;
