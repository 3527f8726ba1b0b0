-- api.import_crs_usage puts a usage:opus:weekly:{key}:{label} cost on the
-- Monday of the week CRS meant by the label: CRS's labels of the three weeks
-- before the cut-off are matched first (2027's are one week ahead of ISO,
-- and 2027-W53 exists only in CRS's numbering); an older label is read as
-- the ISO week it spells.
begin;
select plan(3);

select is(relaypg.crs_usage_contribution('usage:opus:weekly:00000000-0000-4000-8000-0000000000a1:2027-W11', '{"value": "2"}',
                                         'Asia/Shanghai', '2027-03-10') -> 0 ->> 'day', '2027-03-08',
  'CRS''s 2027-W11 at a cut-off on 2027-03-10 is the week of Monday 2027-03-08 (ISO W10)');
select is(relaypg.crs_usage_contribution('usage:opus:weekly:00000000-0000-4000-8000-0000000000a1:2027-W53', '{"value": "2"}',
                                         'Asia/Shanghai', '2027-01-02') -> 0 ->> 'day', '2026-12-28',
  'CRS''s 2027-W53 (local 2027-01-01..03) is the week of Monday 2026-12-28');
select is(relaypg.crs_usage_contribution('usage:opus:weekly:00000000-0000-4000-8000-0000000000a1:2020-W10', '{"value": "2"}',
                                         'Asia/Shanghai', '2025-09-16') -> 0 ->> 'day', '2020-03-02',
  'a label far before the cut-off is read as the ISO week it spells');

select * from finish();
rollback;
