-- relaypg.account_group_members_notify_change announces membership changes
-- (which decide what a group-bound key may use) from an AFTER INSERT OR
-- DELETE row trigger; NOTIFY is delivered on commit, so here: the wiring, and
-- that both branches run.
begin;
select plan(4);

select trigger_is('relaypg', 'account_group_members', '_900_notify_change', 'relaypg', 'account_group_members_notify_change',
  'account_group_members runs account_group_members_notify_change');
select is(
  (select t.tgtype::int & (1 | 2 | 4 | 8 | 16) from pg_trigger t
    where t.tgrelid = 'relaypg.account_group_members'::regclass and t.tgname = '_900_notify_change'),
  1 | 4 | 8, 'it is a row-level AFTER trigger on INSERT and DELETE');

select tests.create_account('a1');
select set_config('tests.group_id', (api.create_account_group('{"name": "g", "platform": "claude"}')).id::text, true);
select lives_ok($$select api.set_account_group_members(current_setting('tests.group_id')::uuid, array[tests.account_id('a1')])$$,
  'adding a member notifies without error');
select lives_ok($$select api.set_account_group_members(current_setting('tests.group_id')::uuid, '{}')$$,
  'removing it notifies without error');

select * from finish();
rollback;
