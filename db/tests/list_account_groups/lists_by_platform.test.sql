-- api.list_account_groups lists every group (null platform) or those of one
-- platform, ordered by platform then name, each with its members.
begin;
select plan(5);

select tests.create_account('a1');
select api.create_account_group('{"name": "zeta", "platform": "claude"}');
select api.create_account_group('{"name": "alpha", "platform": "openai"}');
select api.create_account_group('{"name": "beta", "platform": "claude"}');
select api.create_account_group('{"name": "gamma", "platform": "gemini"}');
select api.set_account_group_members((select g.id from relaypg.account_groups g where g.name = 'beta'),
  array[tests.account_id('a1')]);

select is((select array_agg(platform || '/' || name) from api.list_account_groups(null)),
  array['claude/beta', 'claude/zeta', 'gemini/gamma', 'openai/alpha'],
  'null lists every group, by platform then name');
select is((select array_agg(name) from api.list_account_groups('claude')), array['beta', 'zeta'],
  'a platform lists only its groups, by name');
select is((select array_agg(name) from api.list_account_groups('openai')), array['alpha'], 'openai groups');
select is((select count(*) from api.list_account_groups('azure-openai')), 0::bigint,
  'a platform without groups lists nothing');
select is((select member_ids from api.list_account_groups('claude') where name = 'beta'),
  array[tests.account_id('a1')], 'each group carries its members');

select * from finish();
rollback;
