-- api.import_crs_account imports a CRS claude_console_account hash. Console
-- rate limiting sets isActive 'false', schedulable 'false' and status
-- 'rate_limited': an automatic stop, so the account imports active and not
-- paused, rate limited until rateLimitedAt + rateLimitDuration minutes. A
-- Console account an admin disabled stays inactive.
begin;
select plan(10);

create function pg_temp.console(p_id text, p_overrides jsonb default '{}')
returns jsonb language sql immutable
return jsonb_build_object(
  'accountType', 'shared', 'apiUrl', 'https://console-relay.example.invalid/api', 'createdAt', '2025-08-07T04:25:00.000Z',
  'dailyQuota', '25', 'dailyUsage', '0', 'description', 'third-party console relay',
  'errorMessage', 'Rate limited at 2025-09-16T03:30:00.000Z', 'id', p_id, 'isActive', 'false', 'lastResetDate', '2025-08-07',
  'lastUsedAt', '2025-09-16T03:25:00.000Z', 'name', 'console-relay-01', 'platform', 'claude-console', 'priority', '50',
  'proxy', '{"type":"http","host":"10.9.9.9","port":8080,"username":"u","password":"p"}', 'quotaResetTime', '00:00',
  'quotaStoppedAt', '', 'rateLimitAutoStopped', 'true', 'rateLimitDuration', '60', 'rateLimitStatus', 'limited',
  'rateLimitedAt', '2025-09-16T03:30:00.000Z', 'schedulable', 'false', 'status', 'rate_limited',
  'supportedModels', '{"claude-sonnet-4-20250514":"claude-sonnet-4-20250514","claude-3-5-haiku-20241022":"claude-3-5-haiku-20241022"}',
  'userAgent', 'claude-cli/1.0.69 (external, cli)') || p_overrides;
create function pg_temp.reason(p_id uuid)
returns text language sql stable
return coalesce((select coalesce(relaypg.account_unavailable_reason(a, now()), 'available') from relaypg.accounts a where a.id = p_id),
                'not imported');

select is((api.import_crs_account('claude_console_account:874f41b2-d385-401f-94bb-4ed5934243c6', 'claude-console',
            pg_temp.console('874f41b2-d385-401f-94bb-4ed5934243c6'), '{"apiKey": "sk-console-live"}', tests.keyring())).action,
  'inserted', 'the fixture''s Console account is imported');
select is((select row(kind, platform, is_active, is_paused, rate_limited_at, rate_limited_until, rate_limit_minutes, daily_quota,
                      model_mapping, options, proxy, secret_names, error_message)
             from relaypg.accounts where id = '874f41b2-d385-401f-94bb-4ed5934243c6')::text,
  row('claude-console', 'claude', true, false, '2025-09-16T03:30:00Z'::timestamptz, '2025-09-16T04:30:00Z'::timestamptz, 60, 25::numeric,
      '{"claude-sonnet-4-20250514": "claude-sonnet-4-20250514", "claude-3-5-haiku-20241022": "claude-3-5-haiku-20241022"}'::jsonb,
      '{"apiUrl": "https://console-relay.example.invalid/api", "userAgent": "claude-cli/1.0.69 (external, cli)"}'::jsonb,
      '{"type": "http", "host": "10.9.9.9", "port": 8080, "username": "u"}'::jsonb, array['apiKey', 'proxyPassword'],
      'Rate limited at 2025-09-16T03:30:00.000Z')::text,
  'active and not paused, rate limited until rateLimitedAt + 60 minutes; mapping, quota, options, proxy, secrets read');
select is((api.account_credentials('874f41b2-d385-401f-94bb-4ed5934243c6', tests.keyring())).secrets, '{"apiKey": "sk-console-live"}'::jsonb,
  'the apiKey is stored encrypted and readable');
select is(pg_temp.reason('874f41b2-d385-401f-94bb-4ed5934243c6'), 'available', 'that rate limit has long ended: the account is available');

select api.import_crs_account('claude_console_account:28fb09c1-1a3c-4b7e-89ab-4c7df2103a51', 'claude-console',
  pg_temp.console('28fb09c1-1a3c-4b7e-89ab-4c7df2103a51', jsonb_build_object('rateLimitedAt',
    relaypg.iso_timestamp(date_trunc('second', now()) - interval '10 minutes'), 'rateLimitDuration', '30')), '{"apiKey": "k"}', tests.keyring());
select is((tests.account('28fb09c1-1a3c-4b7e-89ab-4c7df2103a51')).rate_limited_until, date_trunc('second', now()) + interval '20 minutes',
  'a recent Console rate limit lasts rateLimitDuration minutes from rateLimitedAt');
select is(pg_temp.reason('28fb09c1-1a3c-4b7e-89ab-4c7df2103a51'), 'rate_limited', 'the account is rate limited');
select tests.age_account('28fb09c1-1a3c-4b7e-89ab-4c7df2103a51', '21 minutes');
select is(pg_temp.reason('28fb09c1-1a3c-4b7e-89ab-4c7df2103a51'), 'available', 'and available once it ends');

select api.import_crs_account('claude_console_account:390c1ad2-2b4d-4c8f-9abc-5d8e03214b62', 'claude-console',
  pg_temp.console('390c1ad2-2b4d-4c8f-9abc-5d8e03214b62', jsonb_build_object('status', 'quota_exceeded', 'quotaAutoStopped', 'true',
    'rateLimitAutoStopped', '', 'rateLimitStatus', '', 'rateLimitedAt', '', 'quotaResetTime', '03:00',
    'quotaStoppedAt', '2025-09-16T01:00:00.000Z')), '{"apiKey": "k"}', tests.keyring(), 'Asia/Shanghai');
select is((select row(is_active, is_paused, quota_stopped_at, quota_stopped_until, rate_limited_until)
             from relaypg.accounts where id = '390c1ad2-2b4d-4c8f-9abc-5d8e03214b62')::text,
  row(true, false, '2025-09-16T01:00:00Z'::timestamptz, '2025-09-16T19:00:00Z'::timestamptz, null::timestamptz)::text,
  'a quota stop is active, not paused, stopped until the next quotaResetTime in the time zone (03:00 UTC+8)');

select lives_ok($$select api.import_crs_account('claude_console_account:4a1d2be3-3c5e-4d90-8bcd-6e9f14325c73', 'claude-console',
    pg_temp.console('4a1d2be3-3c5e-4d90-8bcd-6e9f14325c73', '{"status": "active", "rateLimitStatus": "", "rateLimitedAt": "", "schedulable": "true"}')
      - 'rateLimitAutoStopped', '{"apiKey": "k"}', tests.keyring())$$,
  'a Console account an admin disabled (isActive ''false'', no automatic-stop field at all) is imported');
select is(pg_temp.reason('4a1d2be3-3c5e-4d90-8bcd-6e9f14325c73'), 'inactive', 'and stays inactive');

select * from finish();
rollback;
