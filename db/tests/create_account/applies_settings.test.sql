-- api.create_account applies every setting given and returns the account as
-- api.get_account then shows it.
begin;
select plan(4);

create temp table created on commit drop as
  select * from api.create_account('claude-official', '{
    "name": "max-01", "description": "primary", "priority": 10, "is_active": false, "is_paused": true,
    "account_type": "dedicated", "model_mapping": {"claude-sonnet-4": "claude-sonnet-4-20250514"},
    "subscription_plan": "max", "auto_stop_on_warning": true, "rate_limit_minutes": 30, "daily_quota": 25,
    "quota_reset_time": "08:30", "token_expires_at": "2025-09-16T09:52:07.913Z", "options": {"scopes": "user:inference"}}',
    '{"accessToken": "at"}', tests.keyring());

select is(
  (select row(name, description, priority, is_active, is_paused, account_type, model_mapping, subscription_plan,
              auto_stop_on_warning, rate_limit_minutes, daily_quota, quota_reset_time, token_expires_at, options)::text
     from created),
  row('max-01', 'primary', 10, false, true, 'dedicated', '{"claude-sonnet-4": "claude-sonnet-4-20250514"}'::jsonb, 'max',
      true, 30, 25::numeric, '08:30', '2025-09-16T09:52:07.913Z'::timestamptz, '{"scopes": "user:inference"}'::jsonb)::text,
  'every setting is applied');
select is((select unavailable_reason from created), 'inactive', 'an inactive account is shown as unavailable');
select is((select row(c.*)::text from created c), (select row(g.*)::text from api.get_account((select id from created)) g),
  'the result is what api.get_account shows');
select is((select count(*) from relaypg.accounts), 1::bigint, 'one account is stored');

select * from finish();
rollback;
