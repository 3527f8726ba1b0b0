-- api.list_api_keys applies the same filters as relaypg.filter_api_keys
-- (null = any), search included.
begin;
select plan(6);

select tests.create_user('u-alice');
select tests.create_key('alice-dev', '{"tags": ["team-a"], "owner_user_id": "u-alice"}');
select tests.create_key('disabled', '{"is_active": false, "tags": ["team-a"]}');
select tests.create_key('deleted_one');
select api.delete_api_key(tests.key_id('deleted_one'), 'admin', 'admin');

select set_eq($$select name from api.list_api_keys(null, null, null, null, null, 500, 0)$$,
  array['alice-dev', 'disabled', 'deleted_one'], 'no filter: every key, deleted ones included');
select set_eq($$select name from api.list_api_keys(false, null, null, null, null, 500, 0)$$,
  array['disabled'], 'is_active = false: disabled keys');
select set_eq($$select name from api.list_api_keys(null, false, null, null, null, 500, 0)$$,
  array['alice-dev', 'disabled'], 'is_deleted = false: keys not deleted');
select set_eq($$select name from api.list_api_keys(null, null, 'team-a', null, null, 500, 0)$$,
  array['alice-dev', 'disabled'], 'a tag: keys carrying it');
select set_eq($$select name from api.list_api_keys(null, null, null, 'u-alice', null, 500, 0)$$,
  array['alice-dev'], 'an owner: that user''s keys');
select set_eq($$select name from api.list_api_keys(null, null, null, null, 'D_O', 500, 0)$$,
  array['deleted_one'], 'search: case-insensitive, _ literal');

select * from finish();
rollback;
