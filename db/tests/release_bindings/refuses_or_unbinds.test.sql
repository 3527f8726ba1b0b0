-- relaypg.release_bindings: nothing bound -> 0; bound keys -> ACBND whose
-- DETAIL lists them (ordered), unless asked to unbind: then the bindings are
-- cleared and their count returned.
begin;
select plan(5);

select tests.create_account('a1');
select tests.create_key('k1', jsonb_build_object('claude_account_id', tests.account_id('a1')::text));
select tests.create_key('k2', jsonb_build_object('bedrock_account_id', tests.account_id('a1')::text));

select is(relaypg.release_bindings('00000000-0000-4000-8000-000000000000', 'account x', false), 0, 'nothing bound: 0, no error');
select throws_ok($$select relaypg.release_bindings(tests.account_id('a1')::text, 'account a1', false)$$,
  'ACBND', null, 'bound keys are refused with ACBND');
select is(tests.error_info($$select relaypg.release_bindings(tests.account_id('a1')::text, 'account a1', null)$$) ->> 'detail',
  (select string_agg(id::text, ', ' order by id) from relaypg.api_keys), 'the detail lists the bound keys; null means do not unbind');
select is(relaypg.release_bindings(tests.account_id('a1')::text, 'account a1', true), 2, 'with unbind: the keys are unbound and counted');
select is((select count(*) from relaypg.keys_bound_to(tests.account_id('a1')::text)), 0::bigint, 'nothing is bound any more');

select * from finish();
rollback;
