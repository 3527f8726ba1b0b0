-- api.authenticate_api_key refuses a disabled key with AUDIS.
begin;
select plan(3);

select tests.create_key('k1', '{"is_active": false}');

select is(tests.refusal(tests.digest('k1')), 'AUDIS', 'a disabled key is refused with AUDIS');
select is(tests.refusal(tests.digest('k1'), 'claude', 'claude-sonnet-4', 'claude_code'), 'AUDIS',
  'whatever the request');
select api.update_api_key(tests.key_id('k1'), '{"is_active": true}');
select is(tests.refusal(tests.digest('k1')), null, 'once enabled again, the key is accepted');

select * from finish();
rollback;
