-- api.set_account_group_members raises GRNFD for an unknown group, ACNFD for
-- an unknown account and RVINV (account_ids) for a null element; the members
-- stay as they were.
begin;
select plan(7);

select tests.create_account('a1');
select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);
select api.set_account_group_members(current_setting('tests.group_id')::uuid, array[tests.account_id('a1')]);

select throws_ok(format($$select api.set_account_group_members('00000000-0000-4000-8000-000000000000', array[%L]::uuid[])$$,
    tests.account_id('a1')),
  'GRNFD', null, 'an unknown group raises GRNFD');
select throws_ok($$select api.set_account_group_members(null, '{}')$$,
  'GRNFD', null, 'a null group raises GRNFD');
select throws_ok(format($$select api.set_account_group_members(%L, array['00000000-0000-4000-8000-000000000000']::uuid[])$$,
    current_setting('tests.group_id')),
  'ACNFD', null, 'an unknown account raises ACNFD');
select throws_ok(format($$select api.set_account_group_members(%L, array[%L, '00000000-0000-4000-8000-000000000000']::uuid[])$$,
    current_setting('tests.group_id'), tests.account_id('a1')),
  'ACNFD', null, 'an unknown account among known ones raises ACNFD');
select throws_ok(format($$select api.set_account_group_members(%L, array[%L, null]::uuid[])$$,
    current_setting('tests.group_id'), tests.account_id('a1')),
  'RVINV', null, 'a null account id raises RVINV');
select is(tests.error_column(format($$select api.set_account_group_members(%L, array[null, '00000000-0000-4000-8000-000000000000']::uuid[])$$,
    current_setting('tests.group_id'))),
  'account_ids', 'a null account id names account_ids');

select is((select array_agg(m.account_id) from relaypg.account_group_members m), array[tests.account_id('a1')],
  'the refused calls changed no membership');

select * from finish();
rollback;
