-- api.reset_account_state does not undo an admin pause (nor deactivation):
-- those are admin decisions, not automatic states.
begin;
select plan(5);

select tests.create_account('a');
select api.mark_account_rate_limited(tests.account_id('a'), now() + interval '1 hour');
select api.pause_account(tests.account_id('a'));

create temp table reset on commit drop as select * from api.reset_account_state(tests.account_id('a'));
select is((select is_paused from reset), true, 'the account is still paused');
select is((select unavailable_reason from reset), 'paused', 'and unavailable: paused');
select is((select rate_limited_until from reset), null, 'while its rate limit is cleared');

select tests.create_account('i', 'claude-official', '{"is_active": false}');
select api.mark_account_blocked(tests.account_id('i'), 'blocked');
select is((api.reset_account_state(tests.account_id('i'))).unavailable_reason, 'inactive', 'an inactive account stays inactive');
select is((api.resume_account(tests.account_id('a'))).unavailable_reason, null, 'a resume then makes the paused one available');

select * from finish();
rollback;
