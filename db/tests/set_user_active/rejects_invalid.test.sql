-- api.set_user_active raises USNFD for an unknown user and RVINV (is_active)
-- for a null state.
begin;
select plan(4);

select tests.create_user('u-alice');

select throws_ok($$select api.set_user_active('u-nobody', false)$$, 'USNFD', null, 'an unknown user raises USNFD');
select throws_ok($$select api.set_user_active(null, false)$$, 'USNFD', null, 'a null user id raises USNFD');
select throws_ok($$select api.set_user_active('u-alice', null)$$, 'RVINV', null, 'a null state raises RVINV');
select is(tests.error_column($$select api.set_user_active('u-alice', null)$$), 'is_active', 'the error names is_active');

select * from finish();
rollback;
