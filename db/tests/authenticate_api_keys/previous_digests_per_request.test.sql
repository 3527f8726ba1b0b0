-- api.authenticate_api_keys while the HMAC secret is rotated: request i is
-- looked up under its own previous digests (p_previous_digests[(i-1)*k+1 ..
-- i*k]), never another request's, and a key found there moves to the current
-- digest, as with the single call.
begin;
select plan(6);

-- Both keys were stored under secret versions 1 (k = 2 previous schemes: v1, v0).
select tests.create_key('a-v1');
select tests.create_key('b-v1');

create temp table batch on commit drop as
  select * from api.authenticate_api_keys(
    array[tests.digest('a-v3'), tests.digest('b-v3'), tests.digest('c-v3')],
    array[null, null, null]::bytea[], array[null, null, null]::text[],
    array[null, null, null]::text[], array[null, null, null]::text[],
    'hmac-sha256:v3',
    array[tests.digest('a-v1'), tests.digest('a-v0'),
          tests.digest('b-v1'), tests.digest('b-v0'),
          tests.digest('c-v1'), tests.digest('c-v0')],
    array['hmac-sha256:v1', 'hmac-sha256:v0']);

select is((select id from batch where ord = 1), tests.key_id('a-v1'), 'request 1 finds its key under its own previous digest');
select is((select id from batch where ord = 2), tests.key_id('b-v1'), 'request 2 finds its key under its own previous digest');
select is((select refusal from batch where ord = 3), 'AUUNK', 'request 3 has no key: it does not see the others'' digests');
select is((select array_agg(rehashed_now order by ord) from batch), array[true, true, false], 'the found keys were moved');
select is((tests.key(tests.key_id('a-v1'))).digest, tests.digest('a-v3'), 'key a is stored under its current digest');
select is((tests.key(tests.key_id('b-v1'))).digest_scheme, 'hmac-sha256:v3', 'key b is stored under the current scheme');

select * from finish();
rollback;
