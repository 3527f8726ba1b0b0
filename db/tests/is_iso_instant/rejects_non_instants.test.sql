-- relaypg.is_iso_instant is false (never an error) for what is not a real
-- ISO 8601 instant with an offset: an impossible date (2025-02-30, 2023-02-29,
-- month 13, year 0), an impossible time (hour 24, minute or second 60), an
-- offset beyond 15 hours, no offset, more than 6 fraction digits, garbage,
-- ''; and for null it returns false, not null.
begin;
select plan(14);

select ok(not relaypg.is_iso_instant('2025-02-30T00:00:00Z'), '2025-02-30 is not a date');
select ok(not relaypg.is_iso_instant('2023-02-29T00:00:00Z'), 'nor 2023-02-29 (not a leap year)');
select ok(not relaypg.is_iso_instant('2025-13-01T00:00:00Z'), 'nor month 13');
select ok(not relaypg.is_iso_instant('0000-09-15T10:30:00Z'), 'nor year 0');
select ok(not relaypg.is_iso_instant('2025-09-15T24:30:00Z'), 'hour 24 is not a time');
select ok(not relaypg.is_iso_instant('2025-09-15T10:60:00Z'), 'nor minute 60');
select ok(not relaypg.is_iso_instant('2025-09-15T10:30:60Z'), 'nor second 60');
select ok(not relaypg.is_iso_instant('2025-09-15T10:30:00+16:00'), 'an offset of 16 hours is refused');
select ok(not relaypg.is_iso_instant('2025-09-15T10:30:00'), 'an instant without its offset is refused');
select ok(not relaypg.is_iso_instant('2025-09-15T10:30:00.1234567Z'), 'so are 7 fraction digits');
select ok(not relaypg.is_iso_instant('garbage'), 'garbage is refused');
select ok(not relaypg.is_iso_instant('1758016327913'), 'so are epoch milliseconds');
select ok(not relaypg.is_iso_instant(''), 'so is the empty string');
select is(relaypg.is_iso_instant(null), false, 'null gives false, not null');

select * from finish();
rollback;
