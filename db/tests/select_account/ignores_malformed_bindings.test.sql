-- api.select_account reads CRS's free-text bindings strictly: a binding that
-- is not a UUID (or group:<UUID>) binds nothing (the pool serves), an
-- upper-case one still binds; a session hash over 128 characters is RVINV.
begin;
select plan(4);

select tests.create_account('pool', p_settings => '{"priority": 1}');
select tests.create_account('dedicated', p_settings => '{"account_type": "dedicated", "priority": 90}');
select tests.create_key('malformed', '{"claude_account_id": "0123456789abcdef0123456789abcdef0123"}');
select tests.create_key('upper', jsonb_build_object('claude_account_id', upper(tests.account_id('dedicated')::text)));

select is(tests.selected(tests.key_id('malformed')), 'pool', 'a binding that is not a UUID binds nothing');
select is(tests.selected(tests.key_id('upper')), 'dedicated', 'an upper-case UUID binding still binds');
select throws_ok($$select api.select_account(tests.key_id('malformed'), 'claude', 'm', repeat('x', 129))$$,
  'RVINV', null, 'a session hash over 128 characters is invalid input');
select is(tests.error_column($$select api.select_account(tests.key_id('malformed'), 'claude', 'm', repeat('x', 129))$$),
  'session_hash', 'naming session_hash');

select * from finish();
rollback;
