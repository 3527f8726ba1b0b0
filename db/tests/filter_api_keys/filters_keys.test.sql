-- relaypg.filter_api_keys: each filter narrows the keys; null means any.
begin;
select plan(8);

select tests.create_user('u-alice');
select tests.create_key('active-tagged', '{"tags": ["team-a", "dev"], "owner_user_id": "u-alice"}');
select tests.create_key('disabled', '{"is_active": false, "tags": ["team-a"]}');
select tests.create_key('deleted', '{"tags": ["dev"]}');
select api.delete_api_key(tests.key_id('deleted'), 'admin', 'admin');

select set_eq($$select name from relaypg.filter_api_keys(null, null, null, null, null)$$,
  array['active-tagged', 'disabled', 'deleted'], 'all null: every key');
select set_eq($$select name from relaypg.filter_api_keys(true, null, null, null, null)$$,
  array['active-tagged', 'deleted'], 'is_active = true: active keys (deleted ones included)');
select set_eq($$select name from relaypg.filter_api_keys(false, null, null, null, null)$$,
  array['disabled'], 'is_active = false: disabled keys');
select set_eq($$select name from relaypg.filter_api_keys(null, true, null, null, null)$$,
  array['deleted'], 'is_deleted = true: soft-deleted keys');
select set_eq($$select name from relaypg.filter_api_keys(null, false, null, null, null)$$,
  array['active-tagged', 'disabled'], 'is_deleted = false: keys not deleted');
select set_eq($$select name from relaypg.filter_api_keys(null, null, 'team-a', null, null)$$,
  array['active-tagged', 'disabled'], 'a tag: keys carrying it');
select set_eq($$select name from relaypg.filter_api_keys(null, null, null, 'u-alice', null)$$,
  array['active-tagged'], 'an owner: that user''s keys');
select set_eq($$select name from relaypg.filter_api_keys(true, false, 'dev', null, null)$$,
  array['active-tagged'], 'filters combine with AND');

select * from finish();
rollback;
