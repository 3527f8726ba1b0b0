-- api.import_crs_api_key must not undo an activation relaypg made: like
-- last_used_at, relaypg may know more than the CRS snapshot.
begin;
select plan(3);

select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  '{"expirationMode": "activation", "isActivated": "false", "activatedAt": "", "activationDays": "7"}'));
select api.authenticate_api_key(tests.digest('x'), tests.digest('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1'), null, null, null);
select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).is_activated, true, 'the first use activated the key');

select api.import_crs_api_key('apikey:04cceff2-8bef-4ad3-af92-e5f65c3ee6b1', tests.crs_api_key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1',
  '{"expirationMode": "activation", "isActivated": "false", "activatedAt": "", "activationDays": "7"}'));

select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).is_activated, true,
  'the key is still activated after the re-import');
select is((tests.key('04cceff2-8bef-4ad3-af92-e5f65c3ee6b1')).expires_at, now() + interval '7 days',
  'its expiry is still activation + 7 days');

select * from finish();
rollback;
