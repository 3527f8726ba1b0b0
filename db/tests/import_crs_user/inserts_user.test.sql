-- api.import_crs_user inserts a CRS user:{id} document, mapping its fields
-- and keeping the ones without a typed home in crs_extra.
begin;
select plan(4);

select is(api.import_crs_user('user:u-1', tests.crs_user('u-1')), 'inserted', 'a new user is inserted');
select is(
  (select to_jsonb(u) from relaypg.users u where u.id = 'u-1'),
  jsonb_build_object(
    'id', 'u-1', 'username', 'alice', 'email', 'alice@example.com', 'display_name', 'Alice',
    'first_name', 'Alice', 'last_name', 'Liddell', 'role', 'user', 'is_active', true,
    'created_at', '2025-08-01T09:00:00+00:00', 'updated_at', '2025-08-02T09:00:00+00:00',
    'last_login_at', '2025-08-03T09:00:00+00:00',
    'crs_extra', jsonb_build_object('apiKeyCount', 1,
      'totalUsage', jsonb_build_object('requests', 0, 'inputTokens', 0, 'outputTokens', 0, 'totalCost', 0))),
  'every field is mapped; the rest is kept in crs_extra');

select api.import_crs_user('user:u-2', '{"id": "u-2", "username": "bob", "email": "", "isActive": "false", "role": ""}');
select is(
  (select row(u.email, u.role, u.is_active, u.created_at, u.updated_at, u.last_login_at, u.crs_extra)
     from relaypg.users u where u.id = 'u-2')::text,
  row(null::text, 'user', false, now(), now(), null::timestamptz, '{}'::jsonb)::text,
  'unset fields: '''' reads as null, role user, created_at now, updated_at = created_at; "false" is false');

select api.import_crs_user('user:u-3', tests.crs_user('u-3', '{"username": "carol", "role": "admin", "isActive": false}'));
select is((select row(u.role, u.is_active) from relaypg.users u where u.id = 'u-3')::text, row('admin', false)::text,
  'an admin role and a JSON false are read');

select * from finish();
rollback;
