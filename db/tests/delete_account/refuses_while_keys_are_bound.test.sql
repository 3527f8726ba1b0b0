-- api.delete_account raises ACBND while API keys are bound to the account
-- (detail: their ids), whatever binding column names it (openai-responses as
-- 'responses:<id>'), unless asked to unbind; it changes nothing then. ACNFD
-- for an unknown or null id.
begin;
select plan(12);

select tests.create_account('a1');
select tests.create_account('a2');
select tests.create_account('r1', 'openai-responses', '{"options": {"baseApi": "https://upstream.example"}}',
  '{"apiKey": "sk-test"}');
select tests.create_key('k1', jsonb_build_object('claude_account_id', tests.account_id('a1')));
select tests.create_key('k2', jsonb_build_object('claude_console_account_id', tests.account_id('a1')));
select tests.create_key('k3', jsonb_build_object('claude_account_id', tests.account_id('a2')));
select tests.create_key('k4', jsonb_build_object('openai_account_id', 'responses:' || tests.account_id('r1')));

select throws_ok($$select api.delete_account(tests.account_id('a1'))$$,
  'ACBND', null, 'an account with bound keys is not deleted by default');
select throws_ok($$select api.delete_account(tests.account_id('a1'), false)$$,
  'ACBND', null, 'nor with p_unbind_keys = false');
select throws_ok($$select api.delete_account(tests.account_id('a1'), null)$$,
  'ACBND', null, 'nor with p_unbind_keys = null');
select is(
  (select array_agg(k order by k)
     from unnest(string_to_array(tests.error_info($$select api.delete_account(tests.account_id('a1'))$$) ->> 'detail', ', ')::uuid[]) k),
  (select array_agg(k order by k) from unnest(array[tests.key_id('k1'), tests.key_id('k2')]) k),
  'the detail lists exactly the ids of the keys bound to it');
select throws_ok($$select api.delete_account(tests.account_id('r1'))$$,
  'ACBND', null, 'a responses:<id> binding counts for an openai-responses account');
select is(tests.error_info($$select api.delete_account(tests.account_id('r1'))$$) ->> 'detail', tests.key_id('k4')::text,
  'the detail names the key bound with responses:<id>');

select is((select count(*) from relaypg.accounts), 3::bigint, 'the refused deletes deleted nothing');
select is(array[(tests.key(tests.key_id('k1'))).claude_account_id, (tests.key(tests.key_id('k2'))).claude_console_account_id],
  array[tests.account_id('a1')::text, tests.account_id('a1')::text], 'the bindings are unchanged');
select is(array[(tests.key(tests.key_id('k1'))).auth_version, (tests.key(tests.key_id('k2'))).auth_version],
  array[1::bigint, 1::bigint], 'the bound keys were not changed');

select throws_ok($$select api.delete_account('00000000-0000-4000-8000-000000000000')$$,
  'ACNFD', null, 'an unknown id raises ACNFD');
select throws_ok($$select api.delete_account(null)$$,
  'ACNFD', null, 'a null id raises ACNFD');
select throws_ok($$select api.delete_account('00000000-0000-4000-8000-000000000000', true)$$,
  'ACNFD', null, 'an unknown id raises ACNFD with p_unbind_keys too');

select * from finish();
rollback;
