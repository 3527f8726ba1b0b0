-- api.select_account leaves the transaction's settings alone unless the caller
-- asks for an asynchronous commit (p_asynchronous_commit), and a sticky hit on
-- an account used less than a second ago writes nothing at all.
begin;
select plan(5);

select tests.create_account('a1');
select tests.create_key('k1');
select is(current_setting('synchronous_commit'), 'on', 'the premise: commits wait for the WAL flush');
select tests.selected(tests.key_id('k1'), 'session-1');
select is(current_setting('synchronous_commit'), 'on', 'a selection does not change how the rest of the transaction commits');
select api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', 'session-1', '1 hour', '0', true);
select is(current_setting('synchronous_commit'), 'off', 'unless the caller asks for an asynchronous commit of its transaction');

-- A rewrite makes a new row version, at a new ctid (even within this transaction).
update relaypg.accounts set last_used_at = now() where name = 'a1';
select set_config('tests.ctid', (select ctid::text from relaypg.accounts where name = 'a1'), true);
select tests.selected(tests.key_id('k1'), 'session-1');
select is((select ctid::text from relaypg.accounts where name = 'a1'), current_setting('tests.ctid'),
  'a sticky hit within a second of the last use does not rewrite the account row');

update relaypg.accounts set last_used_at = now() - interval '2 seconds' where name = 'a1';
select set_config('tests.ctid', (select ctid::text from relaypg.accounts where name = 'a1'), true);
select tests.selected(tests.key_id('k1'), 'session-1');
select isnt((select ctid::text from relaypg.accounts where name = 'a1'), current_setting('tests.ctid'),
  'one used two seconds ago is rewritten (its last use recorded)');

select * from finish();
rollback;
