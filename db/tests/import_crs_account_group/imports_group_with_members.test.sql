-- api.import_crs_account_group imports a CRS account_group hash with its
-- members (account_group_members set); members that are not imported
-- accounts of the group's platform are left out with a note. Idempotent:
-- the same record again is 'unchanged'; a changed record or member set is
-- 'updated'.
begin;
select plan(12);

select api.import_crs_account('claude:account:541a28c4-1785-40c5-8ff0-cd105ac1fcfe', 'claude-official',
  tests.crs_claude_account('541a28c4-1785-40c5-8ff0-cd105ac1fcfe'), '{}', tests.keyring());
select api.import_crs_account('claude_console_account:60678743-0fe8-4a88-b48b-60eb7fb916f7', 'claude-console',
  tests.crs_claude_account('60678743-0fe8-4a88-b48b-60eb7fb916f7', '{"apiUrl": "https://console.example"}'), '{}', tests.keyring());
select api.import_crs_account('gemini_account:71789854-1fa9-4b99-a59c-71fc8a2ca708', 'gemini',
  '{"id": "71789854-1fa9-4b99-a59c-71fc8a2ca708", "name": "gemini-01"}', '{}', tests.keyring());

create function pg_temp.import(p_fields jsonb, p_members text[])
returns api.import_result language sql volatile
return api.import_crs_account_group('account_group:dd63ab55-cf68-47e4-ae85-1749e0ddc5f7',
  '{"id": "dd63ab55-cf68-47e4-ae85-1749e0ddc5f7", "name": "team-b-pool", "platform": "claude", "description": "group for team b",
    "createdAt": "2025-08-07T04:34:00.000Z", "updatedAt": "2025-08-07T04:35:00.000Z"}'::jsonb || p_fields, p_members);
create function pg_temp.members()
returns uuid[] language sql stable
return (select array_agg(account_id order by account_id) from relaypg.account_group_members
         where group_id = 'dd63ab55-cf68-47e4-ae85-1749e0ddc5f7');

select is(pg_temp.import('{"someFutureField": "x"}', array['541a28c4-1785-40c5-8ff0-cd105ac1fcfe', '60678743-0fe8-4a88-b48b-60eb7fb916f7',
    '71789854-1fa9-4b99-a59c-71fc8a2ca708', '82890965-20ba-4caa-b6ad-820d9b3db819']),
  ('dd63ab55-cf68-47e4-ae85-1749e0ddc5f7', 'inserted', array[
    'member 71789854-1fa9-4b99-a59c-71fc8a2ca708 is not an imported claude account',
    'member 82890965-20ba-4caa-b6ad-820d9b3db819 is not an imported claude account'])::api.import_result,
  'the group is inserted, with a note for each member left out');
select is((select row(name, platform, description, created_at, updated_at, crs_extra) from relaypg.account_groups
            where id = 'dd63ab55-cf68-47e4-ae85-1749e0ddc5f7')::text,
  row('team-b-pool', 'claude', 'group for team b', '2025-08-07T04:34:00Z'::timestamptz, '2025-08-07T04:35:00Z'::timestamptz,
      '{"someFutureField": "x"}'::jsonb)::text, 'every field is read; unknown ones kept in crs_extra');
select is(pg_temp.members(), array['541a28c4-1785-40c5-8ff0-cd105ac1fcfe', '60678743-0fe8-4a88-b48b-60eb7fb916f7']::uuid[],
  'its claude members (OAuth and Console) are stored; the gemini and unknown accounts are left out');

select is((pg_temp.import('{"someFutureField": "x"}', array['541a28c4-1785-40c5-8ff0-cd105ac1fcfe', '60678743-0fe8-4a88-b48b-60eb7fb916f7'])).action,
  'unchanged', 'the same group and members again are unchanged');
select is((select updated_at from relaypg.account_groups where id = 'dd63ab55-cf68-47e4-ae85-1749e0ddc5f7'), '2025-08-07T04:35:00Z'::timestamptz,
  'and nothing is written');
select is((pg_temp.import('{"someFutureField": "x"}', array['60678743-0fe8-4a88-b48b-60eb7fb916f7', '541a28c4-1785-40c5-8ff0-cd105ac1fcfe'])).action,
  'unchanged', 'member order does not matter');

select is((pg_temp.import('{"description": "team b"}', array['541a28c4-1785-40c5-8ff0-cd105ac1fcfe', '60678743-0fe8-4a88-b48b-60eb7fb916f7'])).action,
  'updated', 'a changed description is updated');
select is((select row(description, updated_at) from relaypg.account_groups where id = 'dd63ab55-cf68-47e4-ae85-1749e0ddc5f7')::text,
  row('team b', now())::text, 'and stored');
select is((pg_temp.import('{"description": "team b"}', array['541a28c4-1785-40c5-8ff0-cd105ac1fcfe'])).action,
  'updated', 'a changed member set is updated');
select is(pg_temp.members(), array['541a28c4-1785-40c5-8ff0-cd105ac1fcfe']::uuid[], 'a member CRS dropped is removed');
select is((pg_temp.import('{"description": "team b"}', null)).action, 'updated', 'no members at all is a change too');
select is(pg_temp.members(), null, 'and leaves the group empty');

select * from finish();
rollback;
