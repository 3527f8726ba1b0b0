-- relaypg.crs_instant reads a CRS time as epoch milliseconds (claude:account
-- expiresAt; 12-16 digits), epoch seconds (9-11 digits) or an ISO 8601 timestamp; '' and a missing field read as
-- null; anything else is IMBAD naming the field.
begin;
select plan(9);

select is(relaypg.crs_instant('{"expiresAt": "1758016327913"}', 'expiresAt'), '2025-09-16T09:52:07.913Z'::timestamptz,
  'epoch milliseconds are read to the millisecond');
select is(relaypg.crs_instant('{"expiresAt": 1758016327913}', 'expiresAt'), '2025-09-16T09:52:07.913Z'::timestamptz,
  'a JSON number (a JSON document) too');
select is(relaypg.crs_instant('{"expiresAt": "1758016327"}', 'expiresAt'), '2025-09-16T09:52:07Z'::timestamptz,
  'ten digits are epoch seconds, not a 1970 date in milliseconds');
select is(relaypg.crs_instant('{"expiresAt": "2025-11-15T04:00:00.000Z"}', 'expiresAt'), '2025-11-15T04:00:00Z'::timestamptz,
  'an ISO timestamp is read');
select is(relaypg.crs_instant('{"lastRefreshAt": "2025-09-16T09:52:07.913+08:00"}', 'lastRefreshAt'), '2025-09-16T01:52:07.913Z'::timestamptz,
  'an ISO offset is honoured');
select is(relaypg.crs_instant('{"expiresAt": ""}', 'expiresAt'), null, ''''' reads as null');
select is(relaypg.crs_instant('{}', 'expiresAt'), null, 'a missing field reads as null');
select throws_ok($$select relaypg.crs_instant('{"expiresAt": "tomorrow"}', 'expiresAt')$$, 'IMBAD', null, 'text is IMBAD');
select is(tests.error_column($$select relaypg.crs_instant('{"lastRefreshAt": "-1758016327913"}', 'lastRefreshAt')$$), 'lastRefreshAt',
  'a negative number is IMBAD, naming the field');

select * from finish();
rollback;
