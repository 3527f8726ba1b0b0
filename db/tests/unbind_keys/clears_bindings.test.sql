-- relaypg.unbind_keys clears every binding that names the target (responses:
-- <id> included) and only those, on the keys naming it; it returns how many
-- keys changed, bumps their auth_version and updated_at, and leaves other keys alone.
begin;
select plan(8);

select set_config('tests.t', '3f1c0e2a-0000-4000-8000-00000000000a', true);
select tests.create_key('both', jsonb_build_object('claude_account_id', current_setting('tests.t'),
                                                   'bedrock_account_id', current_setting('tests.t'),
                                                   'gemini_account_id', 'group:7a000000-0000-4000-8000-000000000001'));
select tests.create_key('responses', jsonb_build_object('openai_account_id', 'responses:' || current_setting('tests.t'),
                                                        'azure_openai_account_id', current_setting('tests.t'),
                                                        'claude_console_account_id', current_setting('tests.t')));
select tests.create_key('other', jsonb_build_object('claude_account_id', '3f1c0e2a-0000-4000-8000-00000000000b',
                                                    'openai_account_id', 'responses:3f1c0e2a-0000-4000-8000-00000000000b'));
update relaypg.api_keys set updated_at = '2025-08-01T00:00:00Z';
create function pg_temp.bindings(p_name text) returns text language sql stable
  return (select row(k.claude_account_id, k.claude_console_account_id, k.gemini_account_id, k.openai_account_id,
                     k.azure_openai_account_id, k.bedrock_account_id)::text
            from relaypg.api_keys k where k.name = p_name);

select is(relaypg.unbind_keys(current_setting('tests.t')), 2, 'it returns how many keys changed');
select is(pg_temp.bindings('both'), row(null, null, 'group:7a000000-0000-4000-8000-000000000001', null, null, null)::text,
  'both columns naming the target are cleared; a binding to something else stays');
select is(pg_temp.bindings('responses'), row(null, null, null, null, null, null)::text,
  'responses:<id> and the plain id are cleared in every column');
select is(pg_temp.bindings('other'),
  row('3f1c0e2a-0000-4000-8000-00000000000b', null, null, 'responses:3f1c0e2a-0000-4000-8000-00000000000b', null, null)::text,
  'a key naming another target is unchanged');
select is((select array_agg(row(k.name, k.auth_version, k.updated_at)::text order by k.name) from relaypg.api_keys k),
  array[row('both', 2::bigint, now())::text, row('other', 1::bigint, '2025-08-01T00:00:00Z'::timestamptz)::text,
        row('responses', 2::bigint, now())::text],
  'the changed keys have auth_version bumped and updated_at now(); the other key is not written');

select is(relaypg.unbind_keys(current_setting('tests.t')), 0, 'a second call finds nothing to unbind');
select is(relaypg.unbind_keys('group:7a000000-0000-4000-8000-000000000001'), 1, 'a group:<id> target is unbound the same way');
select is((tests.key(tests.key_id('both'))).gemini_account_id, null, 'the group binding is cleared');

select * from finish();
rollback;
