-- api.update_account changes only the settings given, bumps the version
-- once, leaves the secrets alone (no key ring needed) and returns the account
-- as api.get_account shows it; an update that changes nothing does not bump.
begin;
select plan(8);

select tests.create_account('a1', 'claude-official', '{"description": "keep", "model_mapping": {"a": "b"}}');
create temp table before on commit drop as select (tests.account(tests.account_id('a1'))).*;
create temp table updated on commit drop as
  select * from api.update_account(tests.account_id('a1'), '{"priority": 5, "subscription_plan": "pro", "is_paused": true}', null, null);

select is((select row(priority, subscription_plan, is_paused)::text from updated), row(5, 'pro', true)::text,
  'the given settings change');
select is((select row(description, model_mapping, account_type, is_active)::text from updated),
  (select row(description, model_mapping, account_type, is_active)::text from before), 'the others keep their values');
select is((select row(version, unavailable_reason)::text from updated), row(2::bigint, 'paused')::text,
  'the version is bumped once; a paused account shows as paused');
select is((select row(secrets, secrets_key_version, secret_names)::text from relaypg.accounts where name = 'a1'),
  (select row(secrets, secrets_key_version, secret_names)::text from before), 'the secrets are untouched');
select is((select row(u.*)::text from updated u), (select row(g.*)::text from api.get_account(tests.account_id('a1')) g),
  'the result is what api.get_account shows');

select is((api.update_account(tests.account_id('a1'), '{}', '{}', null)).version, 2::bigint, 'an empty update does not bump');
select is((api.update_account(tests.account_id('a1'), null, null, null)).version, 2::bigint, 'a null update does not bump');
select is((api.update_account(tests.account_id('a1'), '{"priority": 5, "name": "a1"}', null, null)).version, 2::bigint,
  'setting the values it already has does not bump');

select * from finish();
rollback;
