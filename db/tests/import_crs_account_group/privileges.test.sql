-- api.import_crs_account_group: the runtime role may call it (security
-- definer) and the group it imports is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.import_crs_account_group(text, jsonb, text[])'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'import_crs_account_group', array['text', 'jsonb', 'text[]'], 'import_crs_account_group is security definer');

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((api.import_crs_account_group('account_group:dd63ab55-cf68-47e4-ae85-1749e0ddc5f7',
            '{"id": "dd63ab55-cf68-47e4-ae85-1749e0ddc5f7", "name": "team-b-pool", "platform": "claude"}', '{}')).action,
  'inserted', 'as the runtime role, a group is imported');
reset role;

select is((select name from relaypg.account_groups where id = 'dd63ab55-cf68-47e4-ae85-1749e0ddc5f7'), 'team-b-pool',
  'the import made as the runtime role is stored');

select * from finish();
rollback;
