-- relaypg.apply_account_settings changes only the fields given; the proxy is
-- left to apply_account_secrets (not even validated here); secrets, state and
-- identity columns are never touched.
begin;
select plan(5);

select tests.create_account('a1', 'claude-official',
  '{"description": "keep me", "priority": 20, "model_mapping": {"a": "b"}, "options": {"x": 1}}');
create temp table before on commit drop as select (tests.account(tests.account_id('a1'))).*;
create temp table applied on commit drop as
  select (relaypg.apply_account_settings((select row(b.*)::relaypg.accounts from before b), '{"priority": 30, "proxy": "not checked here"}')).*;

select is((select priority from applied), 30, 'the given field changes');
select is((select row(description, model_mapping, options, is_active, account_type)::text from applied),
  (select row(description, model_mapping, options, is_active, account_type)::text from before),
  'fields not given keep their values');
select is((select row(id, kind, platform, secrets, secrets_key_version, secret_names, proxy, version, created_at)::text from applied),
  (select row(id, kind, platform, secrets, secrets_key_version, secret_names, proxy, version, created_at)::text from before),
  'identity, secrets, proxy and version are untouched');
select is((select row(a.*)::text from relaypg.apply_account_settings((select row(b.*)::relaypg.accounts from before b), '{}') a),
  (select row(b.*)::text from before b), 'an empty object changes nothing');
select is((select options from relaypg.apply_account_settings((select row(b.*)::relaypg.accounts from before b), '{"options": {}}')),
  '{}'::jsonb, 'options is replaced as a whole, not merged');

select * from finish();
rollback;
