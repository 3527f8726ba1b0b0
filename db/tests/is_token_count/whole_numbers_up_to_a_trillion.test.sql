-- relaypg.is_token_count: absent (SQL null), JSON null, or a JSON number that
-- is whole and from 0 to 10^12.
begin;
select plan(10);

select ok(relaypg.is_token_count(null), 'absent');
select ok(relaypg.is_token_count('null'), 'JSON null');
select ok(relaypg.is_token_count('0'), 'zero');
select ok(relaypg.is_token_count('1000000000000'), '10^12');
select ok(not relaypg.is_token_count('1000000000001'), 'above 10^12 is refused');
select ok(not relaypg.is_token_count('-1'), 'a negative count is refused');
select ok(not relaypg.is_token_count('1.5'), 'a fraction is refused');
select ok(not relaypg.is_token_count('1.0'), 'fraction digits are refused');
select ok(not relaypg.is_token_count('"15"'), 'a string is refused');
select ok(not relaypg.is_token_count('true'), 'a boolean is refused');

select * from finish();
rollback;
