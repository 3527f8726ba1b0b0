/*
  Queries behind the account service. Each calls one api.* function; the
  rules (validation, state by time, encryption) live in those functions.
  Generated code: src/accounts/accounts.queries.ts (npm run codegen).
*/

/* @name CreateAccount */
select * from api.create_account(:kind!, :settings!, :secrets!, :keyring!);

/* @name GetAccount */
select * from api.get_account(:id!);

/* @name ListAccounts */
select * from api.list_accounts(:platform, :kind, :groupId, :limit!, :offset!);

/* @name CountAccounts */
select api.count_accounts(:platform, :kind, :groupId) as "total!";

/* @name UpdateAccount */
select * from api.update_account(:id!, :changes!, :secrets!, :keyring!);

/* @name DeleteAccount */
select api.delete_account(:id!, :unbindKeys!) as "unboundKeys!";

/* @name AccountCredentials */
select * from api.account_credentials(:id!, :keyring!);

/* @name RotateAccountSecrets */
select api.rotate_account_secrets(:keyring!, :batchSize!) as "rotated!";

/* @name AccountSecretVersions */
select key_version as "keyVersion!", accounts as "accounts!" from api.account_secret_versions();

/* @name PauseAccount */
select * from api.pause_account(:id!);

/* @name ResumeAccount */
select * from api.resume_account(:id!);

/* @name ResetAccountState */
select * from api.reset_account_state(:id!);

/* @name MarkAccountRateLimited */
select * from api.mark_account_rate_limited(:id!, :resetAt);

/* @name MarkAccountOverloaded */
select * from api.mark_account_overloaded(:id!, :minutes!);

/* @name RecordAccountServerError */
select * from api.record_account_server_error(:id!, :threshold!,
  make_interval(secs => :windowSeconds!), make_interval(secs => :recoverySeconds!));

/* @name MarkAccountBlocked */
select * from api.mark_account_blocked(:id!, :reason!, :message!);

/* @name RecordTokenRefresh */
select * from api.record_token_refresh(:id!, :expiresAt!, :tokens!, :keyring!, :subscriptionPlan);

/* @name RecordTokenRefreshFailure */
select * from api.record_token_refresh_failure(:id!, :message!, make_interval(secs => :retryAfterSeconds!));

/* @name RecordSessionWindow */
select * from api.record_session_window(:id!, :status);

/* @name MarkAccountQuotaExceeded */
select * from api.mark_account_quota_exceeded(:id!, :timeZone!);

/* @name SelectAccount */
select account_id as "accountId!", account_kind as "accountKind!", upstream_model as "upstreamModel!",
       sticky as "sticky!", account_version as "accountVersion!", session_expires_at as "sessionExpiresAt"
  from api.select_account(:apiKeyId!, :platform!, :model!, :sessionHash,
                          make_interval(secs => :stickyTtlSeconds!), make_interval(secs => :renewalThresholdSeconds!), true);

/* @name SelectAccounts */
select ord as "ord!", account_id as "accountId", account_kind as "accountKind", upstream_model as "upstreamModel",
       sticky, account_version as "accountVersion", session_expires_at as "sessionExpiresAt",
       error_code as "errorCode", error_message as "errorMessage", error_detail as "errorDetail", error_column as "errorColumn"
  from api.select_accounts(:apiKeyIds!, :platforms!, :models!, :sessionHashes!,
                           make_interval(secs => :stickyTtlSeconds!), make_interval(secs => :renewalThresholdSeconds!), true);
