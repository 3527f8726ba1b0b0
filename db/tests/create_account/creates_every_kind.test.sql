-- api.create_account creates an account of each of the eight kinds, with the
-- platform its kind serves, the kind's secrets, and the defaults: priority 50,
-- active, not paused, shared, every model, 60-minute rate limits, no quota,
-- version 1, created now.
begin;
select plan(5);

create temp table created on commit drop as
  select v.k, c.*
    from (values
      ('claude-official', '{}'::jsonb, '{"accessToken": "at", "refreshToken": "rt"}'::jsonb),
      ('claude-console', '{"options": {"apiUrl": "https://api.anthropic.example"}}', '{"apiKey": "sk-ant"}'),
      ('ccr', '{"options": {"apiUrl": "http://ccr.example:3456"}}', '{"apiKey": "sk-ccr"}'),
      ('bedrock', '{"options": {"region": "us-east-1"}}', '{"awsCredentials": {"accessKeyId": "AKIA1", "secretAccessKey": "s"}}'),
      ('gemini', '{}', '{"geminiOauth": {"refresh_token": "g-rt"}, "accessToken": "g-at"}'),
      ('openai', '{}', '{"idToken": "id", "accessToken": "o-at", "email": "a@example.com"}'),
      ('openai-responses', '{"options": {"baseApi": "https://api.openai.example"}}', '{"apiKey": "sk-oai"}'),
      ('azure-openai', '{"options": {"azureEndpoint": "https://x.openai.azure.com"}}', '{"apiKey": "az"}')
    ) v(k, s, sec),
    lateral api.create_account(v.k, v.s || jsonb_build_object('name', 'acct-' || v.k), v.sec, tests.keyring()) c;

select results_eq($$select kind, platform from created order by kind$$,
  $$values ('azure-openai', 'azure-openai'), ('bedrock', 'claude'), ('ccr', 'claude'), ('claude-console', 'claude'),
           ('claude-official', 'claude'), ('gemini', 'gemini'), ('openai', 'openai'), ('openai-responses', 'openai')$$,
  'every kind is created with its platform');
select results_eq($$select kind, platform, name from relaypg.accounts order by kind$$,
  $$select kind, platform, name from created order by kind$$, 'and stored so');
select results_eq($$select kind, secrets from created order by kind$$,
  $$values ('azure-openai', '{"apiKey": "********"}'::jsonb), ('bedrock', '{"awsCredentials": "********"}'),
           ('ccr', '{"apiKey": "********"}'), ('claude-console', '{"apiKey": "********"}'),
           ('claude-official', '{"accessToken": "********", "refreshToken": "********"}'),
           ('gemini', '{"accessToken": "********", "geminiOauth": "********"}'),
           ('openai', '{"email": "********", "idToken": "********", "accessToken": "********"}'),
           ('openai-responses', '{"apiKey": "********"}')$$,
  'each holds its kind''s secrets');
select is(
  (select count(*) from created
    where row(description, priority, is_active, is_paused, account_type, model_mapping, subscription_plan,
              auto_stop_on_warning, rate_limit_minutes, daily_quota, quota_reset_time, unavailable_reason,
              last_used_at, version, created_at, updated_at, group_ids, secrets_key_version)::text
        = row('', 50, true, false, 'shared', '{}'::jsonb, null::text, false, 60, 0::numeric, '00:00', null::text,
              null::timestamptz, 1::bigint, now(), now(), '{}'::uuid[], 1)::text),
  8::bigint, 'every account gets the defaults');
select is((select options from created where kind = 'bedrock'), '{"region": "us-east-1"}'::jsonb,
  'kind-specific options are kept');

select * from finish();
rollback;
