-- relaypg.save_api_key writes every column of a key row back and returns the
-- stored row; an unchanged auth_version is bumped by the trigger when the
-- content changed, a higher one is kept as given.
begin;
select plan(5);

select tests.create_key('k1', '{"tags": ["a"]}');

create temp table saved on commit drop as
  select relaypg.save_api_key(jsonb_populate_record(t,
           '{"description": "rewritten", "tags": ["b"], "last_used_at": "2031-01-01T00:00:00Z"}')) as r
    from relaypg.api_keys t where t.id = tests.key_id('k1');

select is((select (r).description from saved), 'rewritten', 'the new values are returned');
select is((tests.key(tests.key_id('k1'))).tags, array['b'], 'and stored');
select is((tests.key(tests.key_id('k1'))).last_used_at, '2031-01-01T00:00:00Z'::timestamptz, 'every column is written');
select is((select (r).auth_version from saved), 2::bigint, 'an unchanged auth_version is bumped by the trigger for new content');

create temp table kept on commit drop as
  select relaypg.save_api_key(jsonb_populate_record(t, '{"auth_version": 7}')) as r
    from relaypg.api_keys t where t.id = tests.key_id('k1');
select is((select (r).auth_version from kept), 7::bigint, 'a higher auth_version is kept as given');

select * from finish();
rollback;
