-- relaypg.apply_account_group_settings refuses to change the platform of a
-- stored group with members (RVINV platform), but accepts the same platform.
begin;
select plan(4);

select tests.create_account('a1');
select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);
create function pg_temp.grp() returns relaypg.account_groups language sql stable
  return (select g from relaypg.account_groups g where g.id = current_setting('tests.group_id')::uuid);

select is((relaypg.apply_account_group_settings(pg_temp.grp(), '{"platform": "openai"}')).platform, 'openai',
  'without members the platform can change');
select api.set_account_group_members(current_setting('tests.group_id')::uuid, array[tests.account_id('a1')]);
select throws_ok($$select relaypg.apply_account_group_settings(pg_temp.grp(), '{"platform": "openai"}')$$,
  'RVINV', null, 'with members the platform cannot change');
select is(tests.error_column($$select relaypg.apply_account_group_settings(pg_temp.grp(), '{"platform": "openai"}')$$),
  'platform', 'the error names platform');
select is((relaypg.apply_account_group_settings(pg_temp.grp(), '{"platform": "claude", "name": "n"}')).name, 'n',
  'with members the same platform is accepted');

select * from finish();
rollback;
