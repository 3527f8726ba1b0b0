-- relaypg.accounts_notify_change: the payload on 'relaypg_account_changed' is
-- {id, version} (the new version on update; old version + 1 on delete, so a
-- listener drops what it holds); no NOTIFY when the version did not change.
-- NOTIFY is only delivered on commit, so within this (rolled back)
-- transaction the trigger function's own body is re-created with its
-- pg_notify calls sent to a capturing function instead: the payload
-- expressions under test are the real ones.
begin;
select plan(7);

create temp table notified (n serial, channel text, payload jsonb) on commit drop;
create function pg_temp.capture_notify(p_channel text, p_payload text) returns void language sql security definer
  as $$ insert into pg_temp.notified (channel, payload) values (p_channel, p_payload::jsonb) $$;

create temp table definition on commit drop as
  select pg_get_functiondef('relaypg.accounts_notify_change()'::regprocedure) def;
select is((select (length(def) - length(replace(def, 'pg_notify(', ''))) / length('pg_notify(') from definition), 2,
  'the trigger function calls pg_notify twice (update and delete)');
do $$ begin execute (select replace(def, 'pg_notify(', 'pg_temp.capture_notify(') from definition); end $$;

select tests.create_account('a1');
select set_config('tests.a1', tests.account_id('a1')::text, true);
select is_empty('select * from notified', 'creating an account notifies nothing (INSERT is not announced)');

update relaypg.accounts set priority = 10 where name = 'a1';
select results_eq('select channel, payload from notified order by n',
  $$values ('relaypg_account_changed', jsonb_build_object('id', current_setting('tests.a1'), 'version', 2))$$,
  'an update that bumps the version notifies {id, version} with the new version');

update relaypg.accounts set last_used_at = now() where name = 'a1';
select is((select count(*) from notified), 1::bigint, 'a last_used_at-only update notifies nothing');

select api.update_account(tests.account_id('a1'), '{"is_paused": true}', null, null);
select is((select payload from notified order by n desc limit 1),
  jsonb_build_object('id', current_setting('tests.a1'), 'version', 3), 'api.update_account notifies the bumped version');

delete from relaypg.accounts where name = 'a1';
select results_eq('select channel, payload from notified where n > 2 order by n',
  $$values ('relaypg_account_changed', jsonb_build_object('id', current_setting('tests.a1'), 'version', 4))$$,
  'a delete notifies {id, version: old version + 1}');
select is((select count(distinct payload ->> 'id') from notified), 1::bigint, 'every notice names the one account');

select * from finish();
rollback;
