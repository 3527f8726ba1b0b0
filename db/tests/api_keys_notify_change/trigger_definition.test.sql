-- relaypg.api_keys_notify_change is the AFTER UPDATE OR DELETE row trigger
-- that announces key changes; NOTIFY is delivered only on commit, so the
-- delivery itself is covered by the vitest suite. Here: the wiring, and that
-- both of its branches run without error.
begin;
select plan(6);

select trigger_is('relaypg', 'api_keys', '_900_notify_change', 'relaypg', 'api_keys_notify_change',
  'api_keys runs api_keys_notify_change');
select is(
  (select t.tgtype::int & (1 | 2 | 4 | 8 | 16) from pg_trigger t
    where t.tgrelid = 'relaypg.api_keys'::regclass and t.tgname = '_900_notify_change'),
  1 | 8 | 16,
  'it is a row-level AFTER trigger on UPDATE and DELETE (not INSERT)');
select ok(
  (select t.tgname > '_100_bump_auth_version' from pg_trigger t
    where t.tgrelid = 'relaypg.api_keys'::regclass and t.tgname = '_900_notify_change'),
  'it is named to sort after the bump trigger');

select tests.create_key('k1');
select lives_ok($$update relaypg.api_keys set name = 'k1-renamed' where name = 'k1'$$,
  'an update that bumps the version notifies without error');
select lives_ok($$delete from relaypg.api_keys where name = 'k1-renamed'$$,
  'a delete notifies without error');
select is(tests.key_id('k1-renamed'), null, 'the delete went through');

select * from finish();
rollback;
