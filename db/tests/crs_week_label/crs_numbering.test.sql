-- relaypg.crs_week_label reproduces CRS 0881cc09's week labels (spec 4),
-- which are not ISO weeks: the year is the local date's calendar year, and
-- the count uses the time of day.
begin;
select plan(6);

select is(relaypg.crs_week_label('2025-09-16 12:00'), '2025-W38', 'mid-September 2025 agrees with ISO (W38)');
select is(relaypg.crs_week_label('2025-12-29 10:00'), '2025-W01', 'local 2025-12-29 is CRS''s 2025-W01 (ISO 2026-W01)');
select is(relaypg.crs_week_label('2027-01-06 10:00'), '2027-W02', 'local 2027-01-06 is CRS''s 2027-W02 (ISO W01)');
select is(relaypg.crs_week_label('2027-01-06 00:00'), '2027-W01', 'the same day at midnight is W01: the time of day counts');
select is(relaypg.crs_week_label('2027-03-10 12:00'), '2027-W11', 'in 2027 CRS is one week ahead of ISO (W10)');
select is(relaypg.crs_week_label('2027-01-02 12:00'), '2027-W53', 'local 2027-01-02 is CRS''s 2027-W53, a week ISO 2027 does not have');

select * from finish();
rollback;
