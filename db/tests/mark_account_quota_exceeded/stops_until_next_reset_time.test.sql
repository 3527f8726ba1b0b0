-- api.mark_account_quota_exceeded: unavailable ('quota_exceeded') until the
-- next quota_reset_time in the given time zone (today's if it is still ahead,
-- else tomorrow's), then available again by itself.
--
-- The expected values are computed independently of the function: a reset
-- time an hour ahead of the local clock is next reached at exactly that local
-- minute; a reset time an hour behind it is next reached one day later.
begin;
select plan(13);

select tests.create_account('ahead', 'claude-console', jsonb_build_object('priority', 10,
  'quota_reset_time', to_char(now() at time zone 'Asia/Shanghai' + interval '1 hour', 'HH24:MI')));
select tests.create_account('behind', 'claude-console', jsonb_build_object('priority', 20,
  'quota_reset_time', to_char(now() at time zone 'Asia/Shanghai' - interval '1 hour', 'HH24:MI')));
select tests.create_account('utc', 'claude-console', '{"priority": 30}');
select tests.create_account('z', 'claude-official', '{"priority": 90}');
select tests.create_key('k1');

create temp table ahead on commit drop as
  select * from api.mark_account_quota_exceeded(tests.account_id('ahead'), 'Asia/Shanghai');
select is((select quota_stopped_until from ahead),
  date_trunc('minute', now() at time zone 'Asia/Shanghai' + interval '1 hour') at time zone 'Asia/Shanghai',
  'a reset time still ahead today (Shanghai): stopped until today''s reset time');
select is((select unavailable_reason from ahead), 'quota_exceeded', 'the account is unavailable: quota_exceeded');
select is((tests.account(tests.account_id('ahead'))).quota_stopped_at, now(), 'quota_stopped_at is now');
select is((select version from ahead), 2::bigint, 'the stop bumps the version');

create temp table behind on commit drop as
  select * from api.mark_account_quota_exceeded(tests.account_id('behind'), 'Asia/Shanghai');
select is((select quota_stopped_until from behind),
  (date_trunc('minute', now() at time zone 'Asia/Shanghai' - interval '1 hour') + interval '1 day') at time zone 'Asia/Shanghai',
  'a reset time already past today (Shanghai): stopped until tomorrow''s reset time');

select is((api.mark_account_quota_exceeded(tests.account_id('utc'))).quota_stopped_until,
  date_trunc('day', now(), 'UTC') + interval '1 day', 'by default: the next 00:00 UTC');
select is(tests.selected(tests.key_id('k1')), 'z', 'a shared-pool key gets none of the stopped accounts');

select tests.age_account(tests.account_id('ahead'),
  (select quota_stopped_until from ahead) - now() - interval '1 second');
select is((api.get_account(tests.account_id('ahead'))).unavailable_reason, 'quota_exceeded', 'a second before the reset it is still stopped');
select tests.age_account(tests.account_id('ahead'), '1 second');
select is((api.get_account(tests.account_id('ahead'))).unavailable_reason, null, 'at the reset time it is available again by itself');
select is(tests.selected(tests.key_id('k1')), 'ahead', 'and the pool picks it again');

select tests.age_account(tests.account_id('behind'), '22 hours 59 minutes');
select is((api.get_account(tests.account_id('behind'))).unavailable_reason, 'quota_exceeded',
  'the one stopped until tomorrow is still stopped 22h59 later');
select tests.age_account(tests.account_id('behind'), '1 hour');
select is((api.get_account(tests.account_id('behind'))).unavailable_reason, null, 'and available a day later');

select is((api.mark_account_quota_exceeded(tests.account_id('utc'), 'America/New_York')).quota_stopped_until,
  (((now() at time zone 'America/New_York')::date + 1)::timestamp) at time zone 'America/New_York',
  'the zone decides which midnight: the next 00:00 in New York');

select * from finish();
rollback;
