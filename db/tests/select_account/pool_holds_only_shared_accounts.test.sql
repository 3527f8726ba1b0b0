-- api.select_account: an unbound key is served from the shared pool only;
-- dedicated and group accounts are never picked for it, however preferred.
begin;
select plan(4);

select tests.create_key('k1');
select tests.create_account('dedicated', p_settings => '{"priority": 1, "account_type": "dedicated"}');
select tests.create_account('grouped', p_settings => '{"priority": 1, "account_type": "group"}');
select tests.create_account('shared', p_settings => '{"priority": 90}');

select is(tests.selected(tests.key_id('k1')), 'shared', 'the shared account is picked over better-priority dedicated and group accounts');
select is(tests.selected(tests.key_id('k1'), 's1'), 'shared', 'with a session hash too');

select api.pause_account(tests.account_id('shared'));
select throws_ok($$select tests.selected(tests.key_id('k1'))$$, 'SLNAV', null,
  'when the shared account cannot serve, dedicated and group accounts are not a fallback');
select is(tests.error_info($$select tests.selected(tests.key_id('k1'))$$) ->> 'detail', '1 paused',
  'the detail counts the shared candidates only');

select * from finish();
rollback;
