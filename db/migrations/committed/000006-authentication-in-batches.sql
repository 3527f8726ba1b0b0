--! Previous: sha1:b38879c82ea162d07760f3827620713fc358d52e
--! Hash: sha1:33991e95d56297adea0adb39157991d8000c3da4
--! Message: authentication in batches

-- authentication in batches: the service sends the lookups of concurrent
-- requests that missed its caches together, in one call (one round trip, one
-- transaction), instead of one call each. Each request is still decided by
-- api.authenticate_api_key, so the rules stay in one place.
-- Idempotent while it is current.sql.

drop function if exists api.authenticate_api_keys(bytea[], bytea[], text[], text[], text[], text, bytea[], text[]);

-- Requests are decided in the order of the ids of the keys they name (found
-- first without a lock, as api.authenticate_api_key will find them), not of
-- the arrays: a decision may lock its key (first use of an activation-mode
-- key, a move to the current secret) until the batch commits, and the other
-- writers that lock several keys on the request path or for a user
-- (relaypg.users_propagate_activity, api.record_api_key_uses) lock them in id
-- order too. (relaypg.unbind_keys, when an account is deleted with its keys
-- unbound, does not: PostgreSQL breaks such a deadlock, and the batch is then
-- decided request by request.)
create function api.authenticate_api_keys(
  p_digests bytea[], p_crs_digests bytea[], p_platforms text[], p_models text[], p_clients text[],
  p_digest_scheme text default 'hmac-sha256:v1',
  p_previous_digests bytea[] default '{}', p_previous_schemes text[] default '{}')
returns table (
  ord           integer,
  refusal       text,
  activated_now boolean,
  rehashed_now  boolean,
  valid_until   timestamptz,
  id            uuid,
  auth_version  bigint,
  key           json
)
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_count integer := cardinality(p_digests);
  v_previous integer := coalesce(cardinality(p_previous_schemes), 0);
  r record;
begin
  if v_count is null then
    perform relaypg.raise_invalid('digests', 'must be an array of digests, one per request');
  end if;
  if v_count > 1000 then
    perform relaypg.raise_invalid('digests', 'at most 1000 requests per call');
  end if;
  if coalesce(cardinality(p_crs_digests), -1) <> v_count or coalesce(cardinality(p_platforms), -1) <> v_count
     or coalesce(cardinality(p_models), -1) <> v_count or coalesce(cardinality(p_clients), -1) <> v_count then
    perform relaypg.raise_invalid('requests', 'digests, crs_digests, platforms, models and clients need one element per request');
  end if;
  if coalesce(cardinality(p_previous_digests), 0) <> v_count * v_previous then
    perform relaypg.raise_invalid('previous_digests', 'needs one digest per previous scheme for every request, request by request');
  end if;

  for r in
    select q.digest, q.crs_digest, q.platform, q.model, q.client, q.n::integer as n, p.previous_digests
      from unnest(p_digests, p_crs_digests, p_platforms, p_models, p_clients)
             with ordinality as q(digest, crs_digest, platform, model, client, n)
     cross join lateral (select coalesce(p_previous_digests[(q.n - 1) * v_previous + 1 : q.n * v_previous], '{}') as previous_digests) p
     order by coalesce(
                (select k.id from relaypg.api_keys k where k.digest = q.digest and k.digest_scheme = p_digest_scheme),
                (select k.id
                   from unnest(p.previous_digests, p_previous_schemes) with ordinality as c(digest, scheme, i)
                   join relaypg.api_keys k on k.digest = c.digest and k.digest_scheme = c.scheme
                  order by c.i limit 1),
                (select k.id from relaypg.api_keys k where k.digest = q.crs_digest and k.digest_scheme = 'crs-sha256')
              ) nulls last,
              q.n
  loop
    return query
      select r.n, a.refusal, a.activated_now, a.rehashed_now, a.valid_until, a.id, a.auth_version, a.key
        from api.authenticate_api_key(
               r.digest, r.crs_digest, r.platform, r.model, r.client, p_digest_scheme,
               r.previous_digests, p_previous_schemes) as a;
  end loop;
end
$$;
comment on function api.authenticate_api_keys(bytea[], bytea[], text[], text[], text[], text, bytea[], text[]) is
  'api.authenticate_api_key for many requests in one call: request i is (p_digests[i], p_crs_digests[i], '
  'p_platforms[i], p_models[i], p_clients[i]) and, while the HMAC secret is rotated, the digests '
  'p_previous_digests[(i-1)*k+1 .. i*k] under the k schemes p_previous_schemes. One row per request, '
  'ord = i, with what api.authenticate_api_key returns for it; rows come in no particular order. '
  'Decided in the order of the keys'' ids (keys it locks are locked in id order); RVINV on arrays of different lengths '
  'or more than 1000 requests.';
grant execute on function api.authenticate_api_keys(bytea[], bytea[], text[], text[], text[], text, bytea[], text[]) to :DATABASE_APP_USER;
