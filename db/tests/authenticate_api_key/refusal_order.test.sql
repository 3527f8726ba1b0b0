-- api.authenticate_api_key reports the first refusal in CRS's order:
-- deleted, disabled, expired, owner, platform, model, client.
begin;
select plan(6);

select tests.create_user('u-disabled', false);
-- Every refusal applies to this key; each step below removes the first one.
select tests.create_key('k1', jsonb_build_object(
  'is_active', false, 'expires_at', now() - interval '1 day', 'owner_user_id', 'u-disabled',
  'permissions', 'gemini', 'enable_model_restriction', true, 'restricted_models', jsonb_build_array('claude-opus-4'),
  'enable_client_restriction', true, 'allowed_clients', jsonb_build_array('gemini_cli')));
select api.delete_api_key(tests.key_id('k1'), 'admin', 'admin');

select is(tests.refusal(tests.digest('k1'), 'claude', 'claude-opus-4', 'claude_code'), 'AUDEL', 'deleted comes first');
select api.restore_api_key(tests.key_id('k1'), 'admin', 'admin');
select is(tests.refusal(tests.digest('k1'), 'claude', 'claude-opus-4', 'claude_code'), 'AUDIS', 'then disabled');
select api.update_api_key(tests.key_id('k1'), '{"is_active": true}');
select is(tests.refusal(tests.digest('k1'), 'claude', 'claude-opus-4', 'claude_code'), 'AUEXP', 'then expired');
select api.update_api_key(tests.key_id('k1'), '{"expires_at": null}');
select is(tests.refusal(tests.digest('k1'), 'claude', 'claude-opus-4', 'claude_code'), 'AUOWN', 'then the owner');
select api.update_api_key(tests.key_id('k1'), '{"owner_user_id": null}');
select is(tests.refusal(tests.digest('k1'), 'claude', 'claude-opus-4', 'claude_code'), 'AUNPL', 'then the platform');
select api.update_api_key(tests.key_id('k1'), '{"permissions": "all"}');
select is(tests.refusal(tests.digest('k1'), 'claude', 'claude-opus-4', 'claude_code'), 'AUMOD', 'then the model, before the client');

select * from finish();
rollback;
