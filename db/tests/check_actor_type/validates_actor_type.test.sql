-- relaypg.check_actor_type accepts user/admin/system; RVINV naming the field otherwise.
begin;
select plan(5);

select lives_ok($$select relaypg.check_actor_type('deleted_by_type', 'user')$$, 'user is accepted');
select lives_ok($$select relaypg.check_actor_type('deleted_by_type', 'admin')$$, 'admin is accepted');
select lives_ok($$select relaypg.check_actor_type('deleted_by_type', 'system')$$, 'system is accepted');
select throws_ok($$select relaypg.check_actor_type('deleted_by_type', 'Admin')$$,
  'RVINV', null, 'an unknown type (case matters) is refused');
select is(tests.error_column($$select relaypg.check_actor_type('restored_by_type', null)$$),
  'restored_by_type', 'null is refused, naming the given field');

select * from finish();
rollback;
