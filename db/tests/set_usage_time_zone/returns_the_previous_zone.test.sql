-- api.set_usage_time_zone stores a new usage time zone (an IANA name) and
-- returns the previous one; setting the same zone again changes nothing but
-- still returns it.
begin;
select plan(5);

select is(api.set_usage_time_zone('America/New_York'), 'Asia/Shanghai', 'the previous zone (the default) is returned');
select is((select time_zone from relaypg.usage_settings), 'America/New_York', 'the new zone is stored');
select is(relaypg.usage_time_zone(), 'America/New_York', 'usage_time_zone reads it');

update relaypg.usage_settings set updated_at = '2025-01-01T00:00:00Z';
select is(api.set_usage_time_zone('America/New_York'), 'America/New_York', 'setting the same zone returns it');
select is((select updated_at from relaypg.usage_settings), '2025-01-01T00:00:00Z'::timestamptz,
  'and leaves the setting untouched');

select * from finish();
rollback;
