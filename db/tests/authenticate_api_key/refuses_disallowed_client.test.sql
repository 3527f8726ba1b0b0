-- api.authenticate_api_key refuses a client not in the key's allowed list
-- with AUCLI, including an unidentified (null) client.
begin;
select plan(5);

select tests.create_key('cc-only', '{"enable_client_restriction": true, "allowed_clients": ["claude_code"]}');
select tests.create_key('empty-list', '{"enable_client_restriction": true, "allowed_clients": []}');
select tests.create_key('not-enforced', '{"enable_client_restriction": false, "allowed_clients": ["claude_code"]}');

select is(tests.refusal(tests.digest('cc-only'), 'claude', null, 'claude_code'), null, 'an allowed client is accepted');
select is(tests.refusal(tests.digest('cc-only'), 'claude', null, 'gemini_cli'), 'AUCLI',
  'another client is refused with AUCLI');
select is(tests.refusal(tests.digest('cc-only'), 'claude', null, null), 'AUCLI',
  'an unidentified (null) client is refused with AUCLI');
select is(tests.refusal(tests.digest('empty-list'), 'claude', null, null), null,
  'an enabled restriction with an empty list allows every client');
select is(tests.refusal(tests.digest('not-enforced'), 'claude', null, 'gemini_cli'), null,
  'the list is ignored while the restriction is disabled');

select * from finish();
rollback;
