-- api.update_account_group: the platform can change while the group has no
-- members; with members it raises RVINV (platform) unless it is unchanged.
begin;
select plan(6);

select tests.create_account('g1', 'gemini');
select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);

select is((api.update_account_group(current_setting('tests.group_id')::uuid, '{"platform": "gemini"}')).platform, 'gemini',
  'without members the platform changes');
select api.set_account_group_members(current_setting('tests.group_id')::uuid, array[tests.account_id('g1')]);

select throws_ok(format($$select api.update_account_group(%L, '{"platform": "openai"}')$$, current_setting('tests.group_id')),
  'RVINV', null, 'with members the platform cannot change');
select is(tests.error_column(format($$select api.update_account_group(%L, '{"platform": "openai"}')$$, current_setting('tests.group_id'))),
  'platform', 'the error names platform');
select is((select g.platform from relaypg.account_groups g), 'gemini', 'the refused change is not stored');
select is((api.update_account_group(current_setting('tests.group_id')::uuid, '{"platform": "gemini", "name": "g2"}')).name, 'g2',
  'with members, restating the same platform is accepted');

select api.set_account_group_members(current_setting('tests.group_id')::uuid, '{}');
select is((api.update_account_group(current_setting('tests.group_id')::uuid, '{"platform": "openai"}')).platform, 'openai',
  'once the members are removed the platform changes again');

select * from finish();
rollback;
