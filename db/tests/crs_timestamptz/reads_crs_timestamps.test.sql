-- relaypg.crs_timestamptz reads toISOString() timestamps; '' reads as null;
-- anything else (including impossible dates) is IMBAD naming the field.
begin;
select plan(7);

select is(relaypg.crs_timestamptz('{"createdAt": "2025-08-07T06:03:00.000Z"}', 'createdAt'),
  '2025-08-07 06:03:00+00'::timestamptz, 'a toISOString() timestamp is read');
select is(relaypg.crs_timestamptz('{"createdAt": "2025-08-07T14:03:00+08:00"}', 'createdAt'),
  '2025-08-07 06:03:00+00'::timestamptz, 'an offset is honoured');
select is(relaypg.crs_timestamptz('{"lastUsedAt": ""}', 'lastUsedAt'), null, ''''' reads as null');
select is(relaypg.crs_timestamptz('{}', 'lastUsedAt'), null, 'a missing field reads as null');
select throws_ok($$select relaypg.crs_timestamptz('{"expiresAt": "2025-08-07"}', 'expiresAt')$$,
  'IMBAD', null, 'a date without a time is IMBAD');
select throws_ok($$select relaypg.crs_timestamptz('{"expiresAt": "2025-02-30T00:00:00.000Z"}', 'expiresAt')$$,
  'IMBAD', null, 'an impossible date is IMBAD (not a datetime error)');
select is(tests.error_column($$select relaypg.crs_timestamptz('{"expiresAt": "Thu Aug 07 2025"}', 'expiresAt')$$),
  'expiresAt', 'a Date.toString() value is IMBAD, naming the CRS field');

select * from finish();
rollback;
