-- api.admit_request raises LMOPS for a claude-opus model (any name holding
-- 'claude-opus', e.g. a Bedrock id) once the key's opus_cost of this ISO week
-- (Monday to Sunday, local to relaypg.usage_settings.time_zone) reaches
-- weekly_opus_cost_limit; cost other than opus_cost and days outside the week
-- do not count, and other models are never refused for it. DETAIL {limit,
-- current, resetAt = the next local Monday midnight}, whatever the session's
-- time zone.
begin;
select plan(9);

select tests.create_key('k1', '{"weekly_opus_cost_limit": 3}');
create function pg_temp.admit(p_request_id text, p_model text default 'claude-opus-4-1-20250805') returns void
language sql volatile
begin atomic
  select api.admit_request(tests.key_id('k1'), (tests.key(tests.key_id('k1'))).auth_version, p_request_id, 'claude',
                           p_model, p_select => false);
end;
-- Monday of the local week, computed independently of the function's date_trunc.
create function pg_temp.monday() returns date language sql stable
return (now() at time zone 'Asia/Tokyo')::date - (extract(isodow from (now() at time zone 'Asia/Tokyo')::date)::integer - 1);

select api.set_usage_time_zone('Asia/Tokyo');
insert into relaypg.api_key_daily_usage (api_key_id, day, requests, cost, opus_cost) values
  (tests.key_id('k1'), pg_temp.monday(), 1, 1000, 1),
  (tests.key_id('k1'), pg_temp.monday() + 6, 1, 1000, 1.5),
  (tests.key_id('k1'), pg_temp.monday() - 1, 1, 1000, 100),
  (tests.key_id('k1'), pg_temp.monday() + 7, 1, 1000, 100);

select lives_ok($$select pg_temp.admit('r1')$$, 'this week''s Opus cost (2.5) is under the limit: admitted');

update relaypg.api_key_daily_usage set opus_cost = 2
 where api_key_id = tests.key_id('k1') and day = pg_temp.monday() + 6;
select throws_ok($$select pg_temp.admit('r2')$$, 'LMOPS', null, 'once this week''s Opus cost reaches the limit, LMOPS');
select is((tests.error_info($$select pg_temp.admit('r2')$$) ->> 'detail')::jsonb,
  jsonb_build_object('limit', 3, 'current', 3, 'resetAt', (pg_temp.monday() + 7)::timestamp at time zone 'Asia/Tokyo'),
  'its detail sums opus_cost of Monday to Sunday only and resets at the next local Monday midnight');
select is(tests.error_info($$select pg_temp.admit('r2')$$) ->> 'message', 'weekly Opus cost limit reached: 3 of 3',
  'and its message says so');
select throws_ok($$select pg_temp.admit('r2', 'us.anthropic.claude-opus-4-1-20250805-v1:0')$$, 'LMOPS', null,
  'a Bedrock Opus id is refused too');

set local timezone = 'America/Los_Angeles';
select is((tests.error_info($$select pg_temp.admit('r2')$$) ->> 'detail')::jsonb,
  jsonb_build_object('limit', 3, 'current', 3, 'resetAt', (pg_temp.monday() + 7)::timestamp at time zone 'Asia/Tokyo'),
  'the week and its end are the usage time zone''s whatever the session time zone');
set local timezone = 'UTC';

select lives_ok($$select pg_temp.admit('r3', 'claude-sonnet-4-20250514')$$, 'a Sonnet request is not refused for it');
select lives_ok($$select pg_temp.admit('r4', 'claude-3-5-haiku-20241022')$$, 'nor is a Haiku request');

update relaypg.api_key_daily_usage set opus_cost = 0 where api_key_id = tests.key_id('k1') and day = pg_temp.monday();
select lives_ok($$select pg_temp.admit('r5')$$, 'below the limit again, Opus is admitted');

select * from finish();
rollback;
