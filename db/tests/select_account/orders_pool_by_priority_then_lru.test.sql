-- api.select_account picks from the pool by priority (lowest number first),
-- then least recently used (never used first), and records the use in
-- last_used_at, which moves the account to the back of its priority.
begin;
select plan(10);

select tests.create_key('k1');
select tests.create_account('p10', p_settings => '{"priority": 10}');
select tests.create_account('p20-old', p_settings => '{"priority": 20}');
select tests.create_account('p20-new', p_settings => '{"priority": 20}');
select tests.create_account('p20-never', p_settings => '{"priority": 20}');
update relaypg.accounts set last_used_at = now() - interval '1 minute' where name = 'p10';
update relaypg.accounts set last_used_at = now() - interval '3 hours' where name = 'p20-old';
update relaypg.accounts set last_used_at = now() - interval '1 hour' where name = 'p20-new';

create temp table picked on commit drop as
  select * from api.select_account(tests.key_id('k1'), 'claude', 'claude-sonnet-4-20250514', null);
select is((select row(account_id, account_kind, upstream_model, sticky, account_version) from picked)::text,
  row(tests.account_id('p10'), 'claude-official', 'claude-sonnet-4-20250514', false, 1::bigint)::text,
  'the lowest priority number wins although it is the most recently used; the selection says kind, model, not sticky, version');
select is((tests.account(tests.account_id('p10'))).last_used_at, now(), 'the use is recorded in last_used_at');
select is((tests.account(tests.account_id('p10'))).version, 1::bigint, 'recording the use does not bump the version');

select api.pause_account(tests.account_id('p10'));
select is(tests.selected(tests.key_id('k1')), 'p20-never', 'within a priority, an account never used comes first');
select is((tests.account(tests.account_id('p20-never'))).last_used_at, now(), 'its use is recorded');
select is(tests.selected(tests.key_id('k1')), 'p20-old', 'then the least recently used');
select is(tests.selected(tests.key_id('k1')), 'p20-new', 'then the next least recently used');
select is((tests.account(tests.account_id('p20-old'))).last_used_at, now(), 'each pick records its use');
select is((tests.account(tests.account_id('p10'))).last_used_at, now(), 'the paused account was not used again');
select is((select count(*) from relaypg.sticky_sessions), 0::bigint, 'without a session hash no sticky mapping is recorded');

select * from finish();
rollback;
