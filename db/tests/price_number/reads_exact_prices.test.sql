-- relaypg.price_number reads a price field of a pricing-file entry as exact
-- numeric from the JSON number's text; a field that is absent, null or not a
-- number gives null.
begin;
select plan(9);

select is(relaypg.price_number('{"p": 8e-07}', 'p')::text, '0.0000008', '8e-07 is exactly 0.0000008');
select is(relaypg.price_number('{"p": 3.75E-6}', 'p'), 0.00000375, 'an upper-case exponent is read exactly');
select is(relaypg.price_number('{"p": 1.23456789012345678901e-06}', 'p'), 0.00000123456789012345678901,
  'digits a double cannot hold are kept');
select is(relaypg.price_number('{"p": 0}', 'p'), 0::numeric, 'a zero price is 0, not null');
select is(relaypg.price_number('{"q": 1e-06}', 'p'), null, 'an absent field is no price');
select is(relaypg.price_number('{"p": null}', 'p'), null, 'a JSON null is no price');
select is(relaypg.price_number('{"p": "3e-06"}', 'p'), null, 'a string is no price');
select is(relaypg.price_number('{"p": {"low": 1e-06}}', 'p'), null, 'an object is no price');
select is(relaypg.price_number('{"a": 1e-06, "p": 2e-06, "b": 3e-06}', 'p'), 0.000002, 'the named field is read');

select * from finish();
rollback;
