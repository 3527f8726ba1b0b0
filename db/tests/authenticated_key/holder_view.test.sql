-- relaypg.authenticated_key: the holder's view of a key, in the service's
-- field names, without any secret or admin-only field.
begin;
select plan(5);

select tests.create_user('u-bob');
select tests.create_key('k1', '{"owner_user_id": "u-bob", "daily_cost_limit": "7.25", "token_limit": 9007199254740991,
  "restricted_models": ["m1"], "enable_model_restriction": true, "icon": "data:x", "tags": ["a", "b"]}');

create temp table view_of_k1 on commit drop as
  select relaypg.authenticated_key(k)::jsonb as doc from relaypg.api_keys k where k.id = tests.key_id('k1');

select is((select array_agg(f order by f) from view_of_k1, jsonb_object_keys(doc) f),
  array['activatedAt', 'activationDays', 'allowedClients', 'azureOpenaiAccountId', 'bedrockAccountId',
        'claudeAccountId', 'claudeConsoleAccountId', 'concurrencyLimit', 'createdAt', 'dailyCostLimit',
        'description', 'enableClientRestriction', 'enableModelRestriction', 'expirationMode', 'expiresAt',
        'geminiAccountId', 'id', 'name', 'openaiAccountId', 'permissions', 'rateLimitCost', 'rateLimitRequests',
        'rateLimitWindow', 'restrictedModels', 'tags', 'tokenLimit', 'userId', 'weeklyOpusCostLimit'],
  'exactly the holder fields (no digest, icon, deletion or CRS fields)');
select is((select doc ->> 'dailyCostLimit' from view_of_k1), '7.25', 'money is a decimal string');
select is((select doc -> 'tokenLimit' from view_of_k1), '9007199254740991'::jsonb, 'counts are JSON numbers');
select is((select doc -> 'restrictedModels' from view_of_k1), '["m1"]'::jsonb, 'lists are JSON arrays');
select is((select doc ->> 'createdAt' from view_of_k1), relaypg.iso_timestamp(now()), 'times are ISO strings');

select * from finish();
rollback;
