-- relaypg.accounts_notify_change is the AFTER UPDATE OR DELETE row trigger
-- that announces account changes; NOTIFY is delivered only on commit, so the
-- payload is checked in notifies_id_and_version.test.sql. Here: the wiring,
-- and that both of its branches run without error.
begin;
select plan(6);

select trigger_is('relaypg', 'accounts', '_900_notify_change', 'relaypg', 'accounts_notify_change',
  'accounts runs accounts_notify_change');
select is(
  (select t.tgtype::int & (1 | 2 | 4 | 8 | 16) from pg_trigger t
    where t.tgrelid = 'relaypg.accounts'::regclass and t.tgname = '_900_notify_change'),
  1 | 8 | 16,
  'it is a row-level AFTER trigger on UPDATE and DELETE (not INSERT)');
select ok(
  (select t.tgname > '_100_bump_version' from pg_trigger t
    where t.tgrelid = 'relaypg.accounts'::regclass and t.tgname = '_900_notify_change'),
  'it is named to sort after the bump trigger');

select tests.create_account('a1');
select lives_ok($$update relaypg.accounts set name = 'a1-renamed' where name = 'a1'$$,
  'an update that bumps the version notifies without error');
select lives_ok($$delete from relaypg.accounts where name = 'a1-renamed'$$,
  'a delete notifies without error');
select is(tests.account_id('a1-renamed'), null, 'the delete went through');

select * from finish();
rollback;
