-- api.maintain_partitions raises RVINV (COLUMN now) when p_now is null, and
-- creates nothing.
begin;
select plan(3);

create temp table before on commit drop as select count(*) as n from pg_inherits;

select throws_ok($$select * from api.maintain_partitions(p_now => null)$$, 'RVINV', null, 'a null now raises RVINV');
select is(tests.error_column($$select * from api.maintain_partitions(null, '2030-01-01T00:00:00Z')$$), 'now',
  'the error names now');
select is((select count(*) from pg_inherits), (select n from before), 'no partition is created');

select * from finish();
rollback;
