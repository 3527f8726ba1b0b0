-- relaypg.lock_account_group returns the stored row of a group, or raises GRNFD.
begin;
select plan(3);

select set_config('tests.group_id',
  (api.create_account_group('{"name": "g", "platform": "openai", "description": "d"}')).id::text, true);

select is((select row(g.id, g.name, g.platform, g.description)
             from relaypg.lock_account_group(current_setting('tests.group_id')::uuid) g)::text,
  row(current_setting('tests.group_id')::uuid, 'g', 'openai', 'd')::text, 'the stored row is returned');
select throws_ok($$select relaypg.lock_account_group('00000000-0000-4000-8000-000000000000')$$,
  'GRNFD', null, 'an unknown id raises GRNFD');
select throws_ok($$select relaypg.lock_account_group(null)$$,
  'GRNFD', null, 'a null id raises GRNFD');

select * from finish();
rollback;
