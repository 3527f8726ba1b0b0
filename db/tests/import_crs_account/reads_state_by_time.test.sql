-- api.import_crs_account reads a Claude account's state by time, not by the
-- flags CRS leaves behind: a stale rate limit (past rateLimitEndAt) imports
-- as available, a live one as rate_limited until rateLimitEndAt (or
-- rateLimitedAt + 1 h); schedulable 'false' is an admin pause only when no
-- automatic stop explains it; unauthorized / blocked import as blocked.
begin;
select plan(15);

create function pg_temp.import(p_id text, p_overrides jsonb)
returns uuid language sql volatile
return (api.import_crs_account('claude:account:' || p_id, 'claude-official', tests.crs_claude_account(p_id, p_overrides), '{}', tests.keyring())).id;
-- Why the account is unavailable now ('available' when it is not; 'not imported' when absent).
create function pg_temp.reason(p_id uuid)
returns text language sql stable
return coalesce((select coalesce(relaypg.account_unavailable_reason(a, now()), 'available') from relaypg.accounts a where a.id = p_id),
                'not imported');

-- A stale rate limit (fixture account A2/A4 shape).
select pg_temp.import('a0d3814f-92b4-4fe6-8183-c4f5729ab1d8', '{"rateLimitStatus": "limited", "rateLimitAutoStopped": "true",
  "rateLimitedAt": "2025-09-10T01:00:00.000Z", "rateLimitEndAt": "2025-09-10T06:00:00.000Z", "schedulable": "true"}');
select is((select row(rate_limited_at, rate_limited_until, is_paused) from relaypg.accounts where id = 'a0d3814f-92b4-4fe6-8183-c4f5729ab1d8')::text,
  row('2025-09-10T01:00:00Z'::timestamptz, '2025-09-10T06:00:00Z'::timestamptz, false)::text,
  'a stale rate limit is kept with its past end');
select is(pg_temp.reason('a0d3814f-92b4-4fe6-8183-c4f5729ab1d8'), 'available', 'so the account is available');

-- A live rate limit.
select pg_temp.import('b1e4925a-a3c5-4a07-9294-d5068a3bc2e9', jsonb_build_object('rateLimitStatus', 'limited',
  'rateLimitAutoStopped', 'true', 'rateLimitedAt', relaypg.iso_timestamp(date_trunc('second', now()) - interval '10 minutes'),
  'rateLimitEndAt', relaypg.iso_timestamp(date_trunc('second', now()) + interval '50 minutes'), 'schedulable', 'false'));
select is((select row(rate_limited_until, is_paused) from relaypg.accounts where id = 'b1e4925a-a3c5-4a07-9294-d5068a3bc2e9')::text,
  row(date_trunc('second', now()) + interval '50 minutes', false)::text,
  'a future rateLimitEndAt is the end of the rate limit; schedulable ''false'' set by it is no pause');
select is(pg_temp.reason('b1e4925a-a3c5-4a07-9294-d5068a3bc2e9'), 'rate_limited', 'the account is rate limited');
select tests.age_account('b1e4925a-a3c5-4a07-9294-d5068a3bc2e9', '51 minutes');
select is(pg_temp.reason('b1e4925a-a3c5-4a07-9294-d5068a3bc2e9'), 'available', 'and available once it ends');

-- Old data without rateLimitEndAt: rateLimitedAt + 1 hour.
select pg_temp.import('c2f5a36b-b4d6-4b18-a3a5-e6179b4cd3fa', jsonb_build_object('rateLimitStatus', 'limited',
  'rateLimitedAt', relaypg.iso_timestamp(date_trunc('second', now()) - interval '15 minutes')));
select is((tests.account('c2f5a36b-b4d6-4b18-a3a5-e6179b4cd3fa')).rate_limited_until, date_trunc('second', now()) + interval '45 minutes',
  'without rateLimitEndAt, a rate limit lasts one hour from rateLimitedAt');

-- Pauses.
select lives_ok($$select pg_temp.import('d3a6b47c-c5e7-4c29-b4b6-f728ac5de40b', '{"schedulable": "false"}')$$,
  'an account paused by an admin (schedulable ''false'', no automatic-stop field at all) is imported');
select is((tests.account('d3a6b47c-c5e7-4c29-b4b6-f728ac5de40b')).is_paused, true, 'schedulable ''false'' with no automatic stop is a pause');
select is(pg_temp.reason('d3a6b47c-c5e7-4c29-b4b6-f728ac5de40b'), 'paused', 'the account is paused');
select pg_temp.import('e4b7c58d-d6f8-4d3a-85c7-0839bd6ef51c', '{"schedulable": "false", "rateLimitAutoStopped": "true",
  "rateLimitStatus": "", "rateLimitEndAt": "2025-09-10T06:00:00.000Z"}');
select is((tests.account('e4b7c58d-d6f8-4d3a-85c7-0839bd6ef51c')).is_paused, false,
  'with rateLimitAutoStopped ''true'' it is no pause');
select is(pg_temp.reason('e4b7c58d-d6f8-4d3a-85c7-0839bd6ef51c'), 'available', 'and the account is available (the stop has ended)');

-- 401 / 403.
select pg_temp.import('f5c8d69e-e709-4e4b-96d8-194ace7f062d', '{"status": "unauthorized", "unauthorizedAt": "2025-09-14T00:00:00.000Z",
  "schedulable": "false", "errorMessage": "401 from upstream"}');
select is((select row(blocked_reason, blocked_at, error_message, is_paused) from relaypg.accounts where id = 'f5c8d69e-e709-4e4b-96d8-194ace7f062d')::text,
  row('unauthorized', '2025-09-14T00:00:00Z'::timestamptz, '401 from upstream', false)::text,
  'status unauthorized imports as blocked (reason, time, message), not as a pause');
select is(pg_temp.reason('f5c8d69e-e709-4e4b-96d8-194ace7f062d'), 'unauthorized', 'the account is unavailable as unauthorized');
select pg_temp.import('06d9e7af-f81a-4f5c-a7e9-2a5bd0f8173e', '{"status": "blocked", "blockedAt": "2025-09-14T00:00:00.000Z"}');
select is(pg_temp.reason('06d9e7af-f81a-4f5c-a7e9-2a5bd0f8173e'), 'blocked', 'status blocked imports as blocked');

-- A recent temp error lasts 5 minutes from tempErrorAt.
select pg_temp.import('17eaf8b0-092b-4a6d-b8fa-3b6ce1092840', jsonb_build_object('status', 'temp_error', 'tempErrorAutoStopped', 'true',
  'schedulable', 'false', 'tempErrorAt', relaypg.iso_timestamp(date_trunc('second', now()) - interval '1 minute')));
select is((select row(temp_error_until, is_paused) from relaypg.accounts where id = '17eaf8b0-092b-4a6d-b8fa-3b6ce1092840')::text,
  row(date_trunc('second', now()) + interval '4 minutes', false)::text, 'temp_error lasts 5 minutes from tempErrorAt');

select * from finish();
rollback;
