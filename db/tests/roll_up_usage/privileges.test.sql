-- api.roll_up_usage: the runtime role may call it (security definer,
-- writing the private rollup tables); what it rolls up is stored. (Events
-- given an ended transaction's recorded_xid: see rolls_up_recorded_events.test.sql.)
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.roll_up_usage()'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'roll_up_usage', array[]::text[], 'roll_up_usage is security definer');

select api.record_usage($$[{"requestId": "p1", "apiKeyId": "00000000-0000-4000-8000-0000000000a1",
  "model": "claude-sonnet-4-20250514", "occurredAt": "2025-09-15T17:30:00Z", "inputTokens": 1}]$$);
update relaypg.usage_events set recorded_xid = '2';
update relaypg.usage_rollup_watermark set snapshot = '1:1:';

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is((select row(ran, events)::text from api.roll_up_usage()), row(true, 1::bigint)::text,
  'as the runtime role, the event is rolled up');
reset role;

select is((select count(*) from relaypg.usage_rollups_daily), 2::bigint,
  'its daily rows (key and all) are stored');

select * from finish();
rollback;
