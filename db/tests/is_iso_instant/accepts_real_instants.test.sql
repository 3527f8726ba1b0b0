-- relaypg.is_iso_instant accepts an ISO 8601 instant with its offset that
-- names a real date and time: CRS's toISOString form, a fraction of up to 6
-- digits, +hh:mm, +hhmm and +hh offsets, a space for the T, no seconds, a
-- leap day. Immutable.
begin;
select plan(8);

select volatility_is('relaypg', 'is_iso_instant', array['text'], 'immutable', 'is_iso_instant is immutable');

select ok(relaypg.is_iso_instant('2025-09-16T04:00:00.000Z'), 'CRS''s toISOString form is an instant');
select ok(relaypg.is_iso_instant('2024-02-29T23:59:59.5+05:30'), 'a leap day, a one-digit fraction and +05:30 are accepted');
select ok(relaypg.is_iso_instant('2025-09-16 04:00+08'), 'a space for the T, no seconds and a +hh offset are accepted');
select ok(relaypg.is_iso_instant('2025-09-16T04:00:00.123456-0330'), 'six fraction digits and a -hhmm offset are accepted');
select ok(relaypg.is_iso_instant('0001-01-01T00:00:00Z'), 'year 1 is accepted');
select ok(relaypg.is_iso_instant('2025-12-31T23:59:59Z'), 'the last second of a year is accepted');
select is('2024-02-29T23:59:59.5+05:30'::timestamptz, '2024-02-29T18:29:59.5Z'::timestamptz,
  'what it accepts casts to timestamptz (here the +05:30 instant)');

select * from finish();
rollback;
