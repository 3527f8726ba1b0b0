-- api.authenticate_api_key accepts a valid key: one row, refusal null, and
-- the key's data as stored.
begin;
select plan(7);

select tests.create_user('u-alice');
select tests.create_key('k1', '{"owner_user_id": "u-alice", "description": "dev key", "permissions": "claude",
  "token_limit": 1000, "concurrency_limit": 5, "rate_limit_window": 60, "rate_limit_requests": 100,
  "rate_limit_cost": 2.5, "daily_cost_limit": 10, "weekly_opus_cost_limit": 20, "claude_account_id": "group:g1",
  "tags": ["team-a"], "expires_at": "2030-01-01T00:00:00Z"}');
select tests.create_key('k2');

create temp table accepted on commit drop as
  select * from api.authenticate_api_key(tests.digest('k1'), null, 'claude', 'claude-sonnet-4', 'claude_code');

select is((select count(*)::int from accepted), 1, 'one row is returned');
select is((select refusal from accepted), null, 'refusal is null: accepted');
select is((select activated_now from accepted), false, 'a fixed key is not activated by the call');
select is((select id from accepted), tests.key_id('k1'), 'the key''s id is returned');
select is(
  (select key::jsonb - 'id' - 'name' - 'createdAt' - 'activatedAt' from accepted),
  '{"description": "dev key", "permissions": "claude", "tokenLimit": 1000, "concurrencyLimit": 5,
    "rateLimitWindow": 60, "rateLimitRequests": 100, "rateLimitCost": "2.5", "dailyCostLimit": "10",
    "weeklyOpusCostLimit": "20", "claudeAccountId": "group:g1", "claudeConsoleAccountId": null,
    "geminiAccountId": null, "openaiAccountId": null, "azureOpenaiAccountId": null, "bedrockAccountId": null,
    "enableModelRestriction": false, "restrictedModels": [], "enableClientRestriction": false,
    "allowedClients": [], "tags": ["team-a"], "expirationMode": "fixed", "activationDays": 0,
    "expiresAt": "2030-01-01T00:00:00.000Z", "userId": "u-alice"}'::jsonb,
  'the key document carries the stored settings in the service''s field names');
select is((select valid_until from accepted), '2030-01-01T00:00:00Z'::timestamptz,
  'valid_until is the key''s expiry');
select is((select valid_until from api.authenticate_api_key(tests.digest('k2'), null, null, null, null)), null,
  'valid_until is null for a key that never expires');

select * from finish();
rollback;
