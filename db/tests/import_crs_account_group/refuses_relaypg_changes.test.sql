-- api.import_crs_account_group never overwrites a group changed in relaypg
-- since its import (IMCNF), and a re-run of the same data stays 'unchanged'.
begin;
select plan(4);

select tests.create_account('m1');
select tests.create_account('m2');
select api.import_crs_account_group('account_group:0b1c2d3e-4f50-4a61-8b72-9c8d7e6f5a4b',
  '{"id": "0b1c2d3e-4f50-4a61-8b72-9c8d7e6f5a4b", "name": "team", "platform": "claude"}', array[tests.account_id('m1')::text]);
select is((api.import_crs_account_group('account_group:0b1c2d3e-4f50-4a61-8b72-9c8d7e6f5a4b',
  '{"id": "0b1c2d3e-4f50-4a61-8b72-9c8d7e6f5a4b", "name": "team", "platform": "claude"}', array[tests.account_id('m1')::text])).action,
  'unchanged', 'the same data again is unchanged');
select is((api.import_crs_account_group('account_group:0b1c2d3e-4f50-4a61-8b72-9c8d7e6f5a4b',
  '{"id": "0b1c2d3e-4f50-4a61-8b72-9c8d7e6f5a4b", "name": "team-renamed", "platform": "claude"}', array[tests.account_id('m1')::text])).action,
  'updated', 'a change made in CRS is taken while relaypg did not touch the group');

select api.set_account_group_members('0b1c2d3e-4f50-4a61-8b72-9c8d7e6f5a4b', array[tests.account_id('m1'), tests.account_id('m2')]);
-- now() is fixed in this transaction: a later transaction's write would stamp a later updated_at.
update relaypg.account_groups set updated_at = updated_at + interval '1 second' where name = 'team-renamed';
select throws_ok($$select api.import_crs_account_group('account_group:0b1c2d3e-4f50-4a61-8b72-9c8d7e6f5a4b',
  '{"id": "0b1c2d3e-4f50-4a61-8b72-9c8d7e6f5a4b", "name": "team-renamed", "platform": "claude"}', array[tests.account_id('m1')::text])$$,
  'IMCNF', null, 'a group whose members were changed in relaypg is not overwritten');
select is((api.get_account_group('0b1c2d3e-4f50-4a61-8b72-9c8d7e6f5a4b')).member_ids,
  (select array_agg(id order by id) from relaypg.accounts where name in ('m1', 'm2')), 'the relaypg members stay');

select * from finish();
rollback;
