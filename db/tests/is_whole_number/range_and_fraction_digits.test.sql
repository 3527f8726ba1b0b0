-- relaypg.is_whole_number: a number written without fraction digits, inside
-- [min, max]. "200.0" counts as written with a fraction (the JSON text the
-- naming check reads has one).
begin;
select plan(7);

select ok(relaypg.is_whole_number(200, 100, 599), 'inside the range');
select ok(relaypg.is_whole_number(100, 100, 599) and relaypg.is_whole_number(599, 100, 599), 'both bounds are inside');
select ok(not relaypg.is_whole_number(99, 100, 599), 'below the range');
select ok(not relaypg.is_whole_number(600, 100, 599), 'above the range');
select ok(not relaypg.is_whole_number(200.0, 100, 599), 'fraction digits, even zero, are refused');
select ok(not relaypg.is_whole_number(200.5, 100, 599), 'a fraction is refused');
select ok(relaypg.is_whole_number('1e3'::numeric, 0, 1000), 'an exponent without fraction digits is whole');

select * from finish();
rollback;
