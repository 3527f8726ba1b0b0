-- api.record_api_key_uses: the runtime role may call it and the use is stored.
begin;
select plan(4);

select ok(tests.app_role_is_granted_execute('api.record_api_key_uses(uuid[], timestamptz[])'), 'the runtime role is granted EXECUTE');
select is_definer('api', 'record_api_key_uses', array['uuid[]', 'timestamp with time zone[]'], 'record_api_key_uses is security definer');

select set_config('tests.key_id', tests.create_key('k1')::text, true);

do $$ begin execute format('set local role %I', tests.app_role()); end $$;
select is(api.record_api_key_uses(array[current_setting('tests.key_id')::uuid], array['2025-08-07T10:00:00Z'::timestamptz]), 1,
  'as the runtime role, a use is recorded');
reset role;

select is((tests.key(tests.key_id('k1'))).last_used_at, '2025-08-07T10:00:00Z'::timestamptz, 'the use is stored');

select * from finish();
rollback;
