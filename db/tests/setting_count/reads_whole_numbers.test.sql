-- relaypg.setting_count reads non-negative whole numbers up to the maximum.
begin;
select plan(5);

select is(relaypg.setting_count('token_limit', '5', 10), 5::bigint, 'a whole number is read');
select is(relaypg.setting_count('token_limit', '0', 10), 0::bigint, 'zero (no limit) is read');
select is(relaypg.setting_count('token_limit', '10', 10), 10::bigint, 'the maximum itself is accepted');
select is(relaypg.setting_count('token_limit', '5.0', 10), 5::bigint, 'a number with a zero fraction is whole');
select is(relaypg.setting_count('token_limit', '9007199254740991', 9007199254740991),
  9007199254740991::bigint, 'the largest safe JavaScript integer is read exactly');

select * from finish();
rollback;
