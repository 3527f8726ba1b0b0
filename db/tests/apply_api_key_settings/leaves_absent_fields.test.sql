-- relaypg.apply_api_key_settings changes only the fields present in the
-- settings and normalises the ones it reads.
begin;
select plan(6);

select tests.create_key('k1', '{"description": "old", "tags": ["a"], "token_limit": 100}');

select is(
  to_jsonb(relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), '{"description": "new"}'))
    - 'description',
  to_jsonb(tests.key(tests.key_id('k1'))) - 'description',
  'fields absent from the settings are left as they are');
select is(
  (relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), '{"description": "new"}')).description,
  'new', 'a present field is applied');
select is(
  (relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), '{"name": "  renamed  "}')).name,
  'renamed', 'name is trimmed');
select is(
  (relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), '{"claude_account_id": ""}')).claude_account_id,
  null, 'an empty account id reads as null (no binding)');
select is(
  (relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), '{"description": null, "icon": null}')).description,
  '', 'a null description reads as ''''');
select is(
  (relaypg.apply_api_key_settings(tests.key(tests.key_id('k1')), '{"created_by": null}')).created_by,
  'admin', 'a null created_by reads as admin');

select * from finish();
rollback;
