-- api.admit_request raises LMDAY once the key's cost of today reaches
-- daily_cost_limit, reading relaypg.api_key_daily_usage for the local day of
-- now() in relaypg.usage_settings.time_zone; other days do not count. DETAIL
-- {limit, current, resetAt = the next local midnight}. The two zones used,
-- UTC+14 and UTC-11, are 25 hours apart, so their local dates always differ
-- (the UTC-11 date is one or two days before the UTC+14 one).
begin;
select plan(7);

select tests.create_key('k1', '{"daily_cost_limit": 2}');
create function pg_temp.admit(p_request_id text) returns void language sql volatile
begin atomic
  select api.admit_request(tests.key_id('k1'), (tests.key(tests.key_id('k1'))).auth_version, p_request_id, 'claude',
                           'claude-sonnet-4-20250514', p_select => false);
end;
create function pg_temp.local_day(p_zone text) returns date language sql stable
return (now() at time zone p_zone)::date;

select lives_ok($$select pg_temp.admit('r0')$$, 'with no usage, a request is admitted');

insert into relaypg.api_key_daily_usage (api_key_id, day, requests, cost, opus_cost) values
  (tests.key_id('k1'), pg_temp.local_day('Pacific/Kiritimati'), 3, 1.5, 0),
  (tests.key_id('k1'), pg_temp.local_day('Pacific/Kiritimati') + 1, 9, 100, 0),
  (tests.key_id('k1'), pg_temp.local_day('Pacific/Kiritimati') - 3, 9, 100, 0),
  (tests.key_id('k1'), pg_temp.local_day('Pacific/Pago_Pago'), 1, 2, 0);

select api.set_usage_time_zone('Pacific/Kiritimati');
select lives_ok($$select pg_temp.admit('r1')$$, 'in UTC+14, today''s cost (1.5) is under the limit: admitted');

update relaypg.api_key_daily_usage set cost = 2
 where api_key_id = tests.key_id('k1') and day = pg_temp.local_day('Pacific/Kiritimati');
select throws_ok($$select pg_temp.admit('r2')$$, 'LMDAY', null, 'once today''s cost reaches the limit, LMDAY');
select is((tests.error_info($$select pg_temp.admit('r2')$$) ->> 'detail')::jsonb,
  jsonb_build_object('limit', 2, 'current', 2,
                     'resetAt', (pg_temp.local_day('Pacific/Kiritimati') + 1)::timestamp at time zone 'Pacific/Kiritimati'),
  'its detail gives the limit, today''s cost (other days not counted) and the next local midnight');
select is(tests.error_info($$select pg_temp.admit('r2')$$) ->> 'message', 'daily cost limit reached: 2 of 2',
  'and its message says so');

update relaypg.api_key_daily_usage set cost = 1.99
 where api_key_id = tests.key_id('k1') and day = pg_temp.local_day('Pacific/Pago_Pago');
select api.set_usage_time_zone('Pacific/Pago_Pago');
select lives_ok($$select pg_temp.admit('r2')$$, 'in UTC-11 it is another day, whose cost (1.99) is under the limit');
update relaypg.api_key_daily_usage set cost = 2.01
 where api_key_id = tests.key_id('k1') and day = pg_temp.local_day('Pacific/Pago_Pago');
select is((tests.error_info($$select pg_temp.admit('r3')$$) ->> 'detail')::jsonb,
  jsonb_build_object('limit', 2, 'current', 2.01,
                     'resetAt', (pg_temp.local_day('Pacific/Pago_Pago') + 1)::timestamp at time zone 'Pacific/Pago_Pago'),
  'and refused once that day''s cost is over the limit, resetting at its local midnight');

select * from finish();
rollback;
