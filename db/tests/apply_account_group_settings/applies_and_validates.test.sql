-- relaypg.apply_account_group_settings applies name (trimmed), description
-- (null = '') and platform to a group row without writing it, and raises
-- RVINV naming a bad field (non-object settings: settings).
begin;
select plan(12);

select set_config('tests.group_id',
  (api.create_account_group('{"name": "g", "platform": "claude", "description": "old"}')).id::text, true);
create function pg_temp.grp() returns relaypg.account_groups language sql stable
  return (select g from relaypg.account_groups g where g.id = current_setting('tests.group_id')::uuid);
create function pg_temp.bad(p_settings jsonb) returns text language sql volatile
  return tests.error_column(format('select relaypg.apply_account_group_settings(pg_temp.grp(), %L)', p_settings));

select is((select row(g.id, g.name, g.platform, g.description)
             from relaypg.apply_account_group_settings(pg_temp.grp(),
                    '{"name": "  new  ", "platform": "gemini", "description": "new d"}') g)::text,
  row(current_setting('tests.group_id')::uuid, 'new', 'gemini', 'new d')::text,
  'name (trimmed), platform and description are applied to the returned row');
select is((relaypg.apply_account_group_settings(pg_temp.grp(), '{"description": null}')).description, '',
  'a null description becomes the empty string');
select is((select row(g.name, g.platform, g.description) from relaypg.account_groups g)::text,
  row('g', 'claude', 'old')::text, 'nothing is written');

select is(pg_temp.bad('[]'), 'settings', 'non-object settings name settings');
select throws_ok($$select relaypg.apply_account_group_settings(pg_temp.grp(), null)$$,
  'RVINV', null, 'null settings raise RVINV');
select is(pg_temp.bad('{"name": ""}'), 'name', 'an empty name names name');
select is(pg_temp.bad('{"name": null}'), 'name', 'a null name names name');
select is(pg_temp.bad('{"platform": "azure-openai"}'), 'platform', 'azure-openai is not a group platform');
select is(pg_temp.bad('{"platform": 1}'), 'platform', 'a non-string platform names platform');
select is(pg_temp.bad('{"description": ["x"]}'), 'description', 'a non-string description names description');
select is(pg_temp.bad('{"member_ids": []}'), 'member_ids', 'an unknown field is named');
select is((relaypg.apply_account_group_settings(null::relaypg.account_groups, '{"name": "n", "platform": "openai"}')).platform,
  'openai', 'a new (id-less) row takes any valid platform');

select * from finish();
rollback;
