-- relaypg.accounts_notify_change announces account changes from two row
-- triggers: AFTER UPDATE only when the version moved (a selection's
-- last_used_at update announces nothing), and AFTER DELETE. NOTIFY is
-- delivered only on commit, so the payload is checked in
-- notifies_id_and_version.test.sql. Here: the wiring, and that both branches run.
begin;
select plan(9);

select trigger_is('relaypg', 'accounts', '_900_notify_change', 'relaypg', 'accounts_notify_change',
  'updates run accounts_notify_change');
select trigger_is('relaypg', 'accounts', '_901_notify_delete', 'relaypg', 'accounts_notify_change',
  'deletes run accounts_notify_change');
select is(
  (select t.tgtype::int & (1 | 2 | 4 | 8 | 16) from pg_trigger t
    where t.tgrelid = 'relaypg.accounts'::regclass and t.tgname = '_900_notify_change'),
  1 | 16, 'the update trigger is a row-level AFTER UPDATE trigger');
select matches(
  (select pg_get_triggerdef(t.oid) from pg_trigger t where t.tgrelid = 'relaypg.accounts'::regclass and t.tgname = '_900_notify_change'),
  'WHEN \(\(new\.version <> old\.version\)\)', 'it fires only when the version moved');
select is(
  (select t.tgtype::int & (1 | 2 | 4 | 8 | 16) from pg_trigger t
    where t.tgrelid = 'relaypg.accounts'::regclass and t.tgname = '_901_notify_delete'),
  1 | 8, 'the delete trigger is a row-level AFTER DELETE trigger');
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
