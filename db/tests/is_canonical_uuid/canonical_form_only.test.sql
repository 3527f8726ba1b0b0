-- relaypg.is_canonical_uuid accepts a UUID written 8-4-4-4-12 in hex digits
-- of either case, and nothing else the uuid type would also read (braces,
-- no hyphens, hyphens elsewhere).
begin;
select plan(8);

select ok(relaypg.is_canonical_uuid('00000000-0000-4000-8000-0000000000a1'), 'lower case');
select ok(relaypg.is_canonical_uuid('00000000-0000-4000-8000-0000000000A1'), 'upper case');
select ok(not relaypg.is_canonical_uuid('{00000000-0000-4000-8000-0000000000a1}'), 'braces are refused');
select ok(not relaypg.is_canonical_uuid('00000000000040008000000000000a1'), 'no hyphens is refused');
select ok(not relaypg.is_canonical_uuid('0000-0000-0000-4000-80000000-00a1'), 'hyphens after other groups of four are refused');
select ok(not relaypg.is_canonical_uuid('00000000-0000-4000-8000-0000000000g1'), 'a non-hex digit is refused');
select ok(not relaypg.is_canonical_uuid('00000000-0000-4000-8000-0000000000a1 '), 'trailing text is refused');
select is(relaypg.is_canonical_uuid(null), null, 'null gives null');

select * from finish();
rollback;
