-- api.record_api_key_uses moves last_used_at forward only (the latest use
-- per key wins), ignores unknown keys and counts the rows it changed.
begin;
select plan(6);

select tests.create_key('never-used');
select tests.create_key('used');
update relaypg.api_keys set last_used_at = '2025-08-07T12:00:00Z' where name = 'used';

select is(
  api.record_api_key_uses(
    array[tests.key_id('never-used'), tests.key_id('never-used'), tests.key_id('used'), '00000000-0000-4000-8000-000000000000'],
    array['2025-08-07T10:00:00Z', '2025-08-07T11:00:00Z', '2025-08-07T13:00:00Z', '2025-08-07T13:00:00Z']::timestamptz[]),
  2, 'two keys changed (the unknown id is ignored)');
select is((tests.key(tests.key_id('never-used'))).last_used_at, '2025-08-07T11:00:00Z'::timestamptz,
  'the latest of several uses of one key wins');
select is((tests.key(tests.key_id('used'))).last_used_at, '2025-08-07T13:00:00Z'::timestamptz,
  'a later use moves last_used_at forward');

select is(
  api.record_api_key_uses(array[tests.key_id('used')], array['2025-08-07T09:00:00Z']::timestamptz[]),
  0, 'an older use changes nothing');
select is((tests.key(tests.key_id('used'))).last_used_at, '2025-08-07T13:00:00Z'::timestamptz,
  'last_used_at never moves backwards');
select is(api.record_api_key_uses('{}', '{}'), 0, 'an empty batch changes nothing');

select * from finish();
rollback;
