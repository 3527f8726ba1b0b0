-- api.update_api_key changes only the fields present in p_changes, bumps
-- auth_version once and sets updated_at.
begin;
select plan(5);

select tests.create_key('k1', '{"description": "old", "tags": ["a"], "token_limit": 100, "permissions": "claude"}');
update relaypg.api_keys set updated_at = '2025-01-01T00:00:00Z' where id = tests.key_id('k1');
create temp table before on commit drop as select * from api.get_api_key(tests.key_id('k1'));

create temp table after on commit drop as
  select * from api.update_api_key(tests.key_id('k1'), '{"description": "new", "tags": ["b", "c"]}');

select is((select description from after), 'new', 'a given field changes');
select is((select tags from after), array['b', 'c'], 'another given field changes');
select is(
  (select to_jsonb(a) - 'description' - 'tags' - 'auth_version' - 'updated_at' from after a),
  (select to_jsonb(b) - 'description' - 'tags' - 'auth_version' - 'updated_at' from before b),
  'every other field is unchanged');
select is((select auth_version from after), (select auth_version + 1 from before), 'auth_version is bumped once');
select is((select row(to_jsonb(a), a.updated_at) from after a)::text,
  row(to_jsonb(api.get_api_key(tests.key_id('k1'))), now())::text,
  'the returned key is the stored key, updated_at = now');

select * from finish();
rollback;
