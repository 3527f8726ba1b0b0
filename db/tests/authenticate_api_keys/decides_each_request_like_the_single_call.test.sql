-- api.authenticate_api_keys decides every request of a batch exactly as
-- api.authenticate_api_key decides it alone, and says which request each row
-- answers (ord), whatever the order of the digests.
begin;
select plan(8);

select tests.create_key('k-accepted', '{"expires_at": "2030-01-01T00:00:00Z"}');
select tests.create_key('k-disabled', '{"is_active": false}');
select tests.create_key('k-claude-only', '{"permissions": "claude"}');
select tests.create_key('k-crs', '{}', tests.digest('crs-plain'), 'crs-sha256');

create temp table batch on commit drop as
  select * from api.authenticate_api_keys(
    array[tests.digest('k-accepted'), tests.digest('unknown'), tests.digest('k-disabled'),
          tests.digest('k-claude-only'), tests.digest('nothing'), tests.digest('k-accepted')],
    array[null, null, null, null, tests.digest('crs-plain'), null]::bytea[],
    array['claude', 'claude', null, 'gemini', null, 'openai'],
    array['claude-sonnet-4', null, null, null, null, null],
    array['claude_code', null, null, null, null, null]);

select is((select array_agg(ord order by ord) from batch), array[1, 2, 3, 4, 5, 6], 'one row per request, ord = its position');
select is((select array_agg(coalesce(refusal, 'accepted') order by ord) from batch),
  array['accepted', 'AUUNK', 'AUDIS', 'AUNPL', 'accepted', 'accepted'],
  'each request gets its own decision');
select is((select id from batch where ord = 5), tests.key_id('k-crs'), 'a CRS key is found through its own CRS digest');
select is((select id from batch where ord = 2), null, 'an unknown key has no id');

-- Every row equals what the single call returns for the same request.
select is((select to_jsonb(b) - 'ord' from batch b where ord = 1),
  (select to_jsonb(a) from api.authenticate_api_key(tests.digest('k-accepted'), null, 'claude', 'claude-sonnet-4', 'claude_code') a),
  'an accepted request: the same row as the single call (key document, valid_until, auth_version)');
select is((select to_jsonb(b) - 'ord' from batch b where ord = 3),
  (select to_jsonb(a) from api.authenticate_api_key(tests.digest('k-disabled'), null, null, null, null) a),
  'a refused request: the same row as the single call');
select is((select to_jsonb(b) - 'ord' from batch b where ord = 5),
  (select to_jsonb(a) from api.authenticate_api_key(tests.digest('nothing'), tests.digest('crs-plain'), null, null, null) a),
  'a CRS request: the same row as the single call');

select is((select count(*)::int from api.authenticate_api_keys('{}', '{}', '{}', '{}', '{}')), 0,
  'an empty batch returns no row');

select * from finish();
rollback;
