-- api.authenticate_api_key refuses an unknown digest with AUUNK and returns
-- no key data.
begin;
select plan(5);

select tests.create_key('k1');

create temp table refused on commit drop as
  select * from api.authenticate_api_key(tests.digest('not-a-key'), null, 'claude', null, null);

select is((select count(*)::int from refused), 1, 'one row is returned');
select is((select refusal from refused), 'AUUNK', 'an unknown digest is refused with AUUNK');
select is((select activated_now from refused), false, 'activated_now is false');
select is(
  (select count(*)::int from refused r, jsonb_each(to_jsonb(r) - 'refusal' - 'activated_now' - 'rehashed_now') e
    where e.value <> 'null'::jsonb),
  0, 'every other column is null');
select is(tests.refusal(null), 'AUUNK', 'a null digest is refused with AUUNK');

select * from finish();
rollback;
