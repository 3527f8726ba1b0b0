-- relaypg.setting_timestamptz reads ISO 8601 timestamps with a zone; null
-- (SQL or JSON) reads as null.
begin;
select plan(5);

select is(relaypg.setting_timestamptz('expires_at', '"2025-08-07T06:03:00Z"'),
  '2025-08-07 06:03:00+00'::timestamptz, 'a UTC timestamp is read');
select is(relaypg.setting_timestamptz('expires_at', '"2025-08-07T08:03:00.250+02:00"'),
  '2025-08-07 06:03:00.25+00'::timestamptz, 'an offset and fractional seconds are honoured');
select is(relaypg.setting_timestamptz('expires_at', '"2025-08-07 06:03+00"'),
  '2025-08-07 06:03:00+00'::timestamptz, 'a space separator and minutes precision are accepted');
select is(relaypg.setting_timestamptz('expires_at', 'null'), null, 'JSON null reads as null');
select is(relaypg.setting_timestamptz('expires_at', null), null, 'SQL null reads as null');

select * from finish();
rollback;
