-- relaypg.crs_subscription_plan reads max / pro / free from a CRS
-- subscriptionInfo JSON text (accountType claude_max / claude_pro / free, or
-- the hasClaudeMax / hasClaudePro flags); null when it says nothing usable.
begin;
select plan(11);

select is(relaypg.crs_subscription_plan('{"subscriptionInfo": "{\"accountType\":\"claude_max\",\"hasClaudeMax\":true,\"hasClaudePro\":false}"}'),
  'max', 'claude_max is max');
select is(relaypg.crs_subscription_plan('{"subscriptionInfo": "{\"accountType\":\"claude_pro\",\"hasClaudeMax\":false,\"hasClaudePro\":true}"}'),
  'pro', 'claude_pro is pro');
select is(relaypg.crs_subscription_plan('{"subscriptionInfo": "{\"accountType\":\"free\",\"hasClaudeMax\":false,\"hasClaudePro\":false}"}'),
  'free', 'free is free');
select is(relaypg.crs_subscription_plan('{"subscriptionInfo": "{\"hasClaudeMax\":true}"}'), 'max', 'hasClaudeMax alone is max');
select is(relaypg.crs_subscription_plan('{"subscriptionInfo": "{\"hasClaudePro\":true,\"hasClaudeMax\":false}"}'), 'pro',
  'hasClaudePro alone is pro');
select is(relaypg.crs_subscription_plan('{"subscriptionInfo": "{\"hasClaudePro\":false,\"hasClaudeMax\":false}"}'), 'free',
  'both flags false is free');
select is(relaypg.crs_subscription_plan('{"subscriptionInfo": "{\"plan\":\"unknown\"}"}'), null, 'no usable field: null');
select is(relaypg.crs_subscription_plan('{"subscriptionInfo": ""}'), null, ''''' is null');
select is(relaypg.crs_subscription_plan('{}'), null, 'a missing field is null');
select is(relaypg.crs_subscription_plan('{"subscriptionInfo": "not json"}'), null, 'text that is not JSON is null, not an error');
select is(relaypg.crs_subscription_plan('{"subscriptionInfo": "[\"claude_max\"]"}'), null, 'JSON that is not an object is null');

select * from finish();
rollback;
