-- api.delete_account with p_unbind_keys clears every binding naming the
-- account and returns how many keys it changed: those keys fall back to the
-- shared pool (binding null, auth_version bumped); other bindings stay.
begin;
select plan(11);

select tests.create_account('a1');
select tests.create_account('pool', 'claude-official', '{"priority": 90}');
select tests.create_account('r1', 'openai-responses', '{"options": {"baseApi": "https://upstream.example"}}',
  '{"apiKey": "sk-test"}');
select set_config('tests.a1', tests.account_id('a1')::text, true);
select tests.create_key('k1', jsonb_build_object('claude_account_id', tests.account_id('a1'),
                                                 'gemini_account_id', 'group:0b1d8d7e-0000-4000-8000-000000000001'));
select tests.create_key('k2', jsonb_build_object('bedrock_account_id', tests.account_id('a1')));
select tests.create_key('k3', jsonb_build_object('claude_account_id', tests.account_id('pool')));
select tests.create_key('k4', jsonb_build_object('openai_account_id', 'responses:' || tests.account_id('r1')));

select is(api.delete_account(tests.account_id('a1'), true), 2, 'the delete returns how many keys were unbound');
select is((select count(*) from relaypg.accounts a where a.id = current_setting('tests.a1')::uuid), 0::bigint,
  'the account is deleted');
select is((tests.key(tests.key_id('k1'))).claude_account_id, null, 'the claude binding is cleared');
select is((tests.key(tests.key_id('k2'))).bedrock_account_id, null, 'the bedrock binding is cleared');
select is((tests.key(tests.key_id('k1'))).gemini_account_id, 'group:0b1d8d7e-0000-4000-8000-000000000001',
  'a binding naming something else on the same key stays');
select is(array[(tests.key(tests.key_id('k1'))).auth_version, (tests.key(tests.key_id('k2'))).auth_version],
  array[2::bigint, 2::bigint], 'the unbound keys have their auth_version bumped (cached decisions drop)');
select is(row((tests.key(tests.key_id('k3'))).claude_account_id, (tests.key(tests.key_id('k3'))).auth_version)::text,
  row(tests.account_id('pool')::text, 1::bigint)::text, 'a key bound to another account is untouched');
select is(tests.selected(tests.key_id('k1')), 'pool', 'an unbound key is served by the shared pool');

select is(api.delete_account(tests.account_id('r1'), true), 1, 'an openai-responses account unbinds its responses:<id> key');
select is((tests.key(tests.key_id('k4'))).openai_account_id, null, 'the responses:<id> binding is cleared');

select is(api.delete_account(tests.account_id('pool'), true) , 1, 'the count is per account deleted');

select * from finish();
rollback;
