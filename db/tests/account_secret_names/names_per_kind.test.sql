-- relaypg.account_secret_names: the secret fields each kind may hold (the CRS
-- encrypted fields of that account type), plus proxyPassword for every kind.
begin;
select plan(9);

select is(relaypg.account_secret_names('claude-official'),
  array['accessToken', 'refreshToken', 'claudeAiOauth', 'email', 'password', 'subscriptionInfo', 'proxyPassword'], 'claude-official');
select is(relaypg.account_secret_names('gemini'),
  array['geminiOauth', 'accessToken', 'refreshToken', 'proxyPassword'], 'gemini');
select is(relaypg.account_secret_names('openai'),
  array['idToken', 'accessToken', 'refreshToken', 'openaiOauth', 'email', 'proxyPassword'], 'openai');
select is(relaypg.account_secret_names('bedrock'), array['awsCredentials', 'proxyPassword'], 'bedrock');
select is(relaypg.account_secret_names('claude-console'), array['apiKey', 'proxyPassword'], 'claude-console');
select is(relaypg.account_secret_names('ccr'), array['apiKey', 'proxyPassword'], 'ccr');
select is(relaypg.account_secret_names('openai-responses'), array['apiKey', 'proxyPassword'], 'openai-responses');
select is(relaypg.account_secret_names('azure-openai'), array['apiKey', 'proxyPassword'], 'azure-openai');
select ok(not 'apiKey' = any(relaypg.account_secret_names('claude-official')),
  'an OAuth kind has no apiKey secret');

select * from finish();
rollback;
