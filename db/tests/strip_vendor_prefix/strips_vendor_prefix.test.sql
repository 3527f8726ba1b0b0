-- relaypg.strip_vendor_prefix drops a CRS "vendor," prefix from a model name.
begin;
select plan(5);

select is(relaypg.strip_vendor_prefix('ccr,claude-sonnet-4'), 'claude-sonnet-4', 'the vendor prefix is dropped');
select is(relaypg.strip_vendor_prefix('claude-sonnet-4'), 'claude-sonnet-4', 'a name without a prefix is unchanged');
select is(relaypg.strip_vendor_prefix('a,b,c'), 'b,c', 'only the first prefix is dropped');
select is(relaypg.strip_vendor_prefix(',claude-opus-4'), 'claude-opus-4', 'an empty prefix is dropped');
select is(relaypg.strip_vendor_prefix(null), null, 'null stays null');

select * from finish();
rollback;
