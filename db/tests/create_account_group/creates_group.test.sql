-- api.create_account_group stores a group {name (trimmed), platform,
-- description (default '')} and returns it with no members.
begin;
select plan(5);

create temp table created on commit drop as
  select * from api.create_account_group('{"name": "  team-a  ", "platform": "claude", "description": "Team A"}');

select is((select row(name, platform, description, member_ids, created_at, updated_at) from created)::text,
  row('team-a', 'claude', 'Team A', '{}'::uuid[], now(), now())::text,
  'the returned group has the trimmed name, platform, description, no members and now() timestamps');
select is((select row(g.name, g.platform, g.description, g.created_at, g.updated_at, g.crs_extra)
             from relaypg.account_groups g where g.id = (select id from created))::text,
  row('team-a', 'claude', 'Team A', now(), now(), '{}'::jsonb)::text, 'the stored row matches');

select is((api.create_account_group('{"name": "g2", "platform": "openai"}')).description, '',
  'description defaults to the empty string');
select is((api.create_account_group('{"name": "g3", "platform": "gemini", "description": null}')).description, '',
  'a null description is stored as the empty string');
select is((select count(*) from relaypg.account_groups), 3::bigint, 'one row per group created');

select * from finish();
rollback;
