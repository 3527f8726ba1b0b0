-- api.count_api_keys counts the keys api.list_api_keys would page through.
begin;
select plan(6);

select tests.create_user('u-alice');
select tests.create_key('alice-dev', '{"tags": ["team-a"], "owner_user_id": "u-alice"}');
select tests.create_key('disabled', '{"is_active": false, "tags": ["team-a"]}');
select tests.create_key('100% legit');
select api.delete_api_key(tests.key_id('100% legit'), 'admin', 'admin');

select is(api.count_api_keys(null, null, null, null, null), 3::bigint, 'no filter: every key');
select is(api.count_api_keys(true, false, null, null, null), 1::bigint, 'active and not deleted');
select is(api.count_api_keys(null, null, 'team-a', null, null), 2::bigint, 'by tag');
select is(api.count_api_keys(null, null, null, 'u-alice', null), 1::bigint, 'by owner');
select is(api.count_api_keys(null, null, null, null, '%'), 1::bigint, 'search: % is literal');
select is(api.count_api_keys(null, null, null, null, 'nothing'), 0::bigint, 'no match: 0');

select * from finish();
rollback;
