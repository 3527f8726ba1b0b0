/*
  Admission of a relayed request (api.admit_request): limits on exact
  counters, the concurrency lease and the account selection in one call; and
  the lease's release when the request will not be recorded.
  Generated code: src/usage/admission.queries.ts (npm run codegen).
*/

/* @name AdmitRequest */
select account_id as "accountId", account_kind as "accountKind", upstream_model as "upstreamModel", sticky,
       account_version as "accountVersion", session_expires_at as "sessionExpiresAt", lease_expires_at as "leaseExpiresAt"
  from api.admit_request(:apiKeyId!, :authVersion!, :requestId!, :platform!, :model!, :sessionHash, :select!,
                         make_interval(secs => :leaseTtlSeconds!::double precision),
                         make_interval(secs => :stickyTtlSeconds!::double precision),
                         make_interval(secs => :renewalThresholdSeconds!::double precision), :asynchronousCommit!);

/* @name ReleaseLease */
select api.release_lease(:requestId!) as "released!";
