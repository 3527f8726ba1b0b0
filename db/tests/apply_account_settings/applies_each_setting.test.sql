-- relaypg.apply_account_settings applies every account setting to a row (it
-- does not write it): each field lands in its column, typed and normalised.
begin;
select plan(17);

select tests.create_account('a1');
create temp table applied on commit drop as
  select (relaypg.apply_account_settings(tests.account(tests.account_id('a1')), '{
    "name": "  max-01  ", "description": "primary", "priority": 10, "is_active": false, "is_paused": true,
    "account_type": "dedicated", "model_mapping": ["claude-sonnet-4"], "subscription_plan": "pro",
    "auto_stop_on_warning": true, "rate_limit_minutes": 0, "daily_quota": "12.50", "quota_reset_time": "08:30",
    "token_expires_at": "2025-09-16T09:52:07.913Z", "options": {"userAgent": "ua/1"}}')).*;

select is((select name from applied), 'max-01', 'name (trimmed)');
select is((select description from applied), 'primary', 'description');
select is((select priority from applied), 10, 'priority');
select is((select is_active from applied), false, 'is_active');
select is((select is_paused from applied), true, 'is_paused');
select is((select account_type from applied), 'dedicated', 'account_type');
select is((select model_mapping from applied), '{"claude-sonnet-4": "claude-sonnet-4"}'::jsonb, 'model_mapping (array -> identity)');
select is((select subscription_plan from applied), 'pro', 'subscription_plan');
select is((select auto_stop_on_warning from applied), true, 'auto_stop_on_warning');
select is((select rate_limit_minutes from applied), 0, 'rate_limit_minutes 0 (never limit)');
select is((select daily_quota from applied), 12.50, 'daily_quota from a decimal string');
select is((select quota_reset_time from applied), '08:30'::time, 'quota_reset_time');
select is((select token_expires_at from applied), '2025-09-16T09:52:07.913Z'::timestamptz, 'token_expires_at');
select is((select options from applied), '{"userAgent": "ua/1"}'::jsonb, 'options');
select is((select subscription_plan
             from relaypg.apply_account_settings((select row(a.*)::relaypg.accounts from applied a), '{"subscription_plan": null}')),
  null, 'subscription_plan null clears it');
select is((select description
             from relaypg.apply_account_settings((select row(a.*)::relaypg.accounts from applied a), '{"description": null}')),
  '', 'description null becomes empty');
select is((tests.account(tests.account_id('a1'))).name, 'a1', 'the stored row is not written');

select * from finish();
rollback;
