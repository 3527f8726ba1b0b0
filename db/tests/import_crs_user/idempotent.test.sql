-- api.import_crs_user: importing the same document again changes nothing.
begin;
select plan(3);

select api.import_crs_user('user:u-1', tests.crs_user('u-1'));
select tests.create_key('alice-1', '{"owner_user_id": "u-1"}');
create temp table before on commit drop as select * from relaypg.users where id = 'u-1';

select is(api.import_crs_user('user:u-1', tests.crs_user('u-1')), 'unchanged', 'the second import is unchanged');
select is((select to_jsonb(u) from relaypg.users u where u.id = 'u-1'), (select to_jsonb(b) from before b),
  'the stored user is identical');
select is((tests.key(tests.key_id('alice-1'))).auth_version, 1::bigint, 'the user''s keys are not invalidated');

select * from finish();
rollback;
