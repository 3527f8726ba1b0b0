/*
  Queries behind the API-key service. Each calls one api.* function; the
  rules live in those functions (db/migrations/committed/), not here.
  Generated code: src/api-keys/api-keys.queries.ts (npm run codegen).
*/

/* @name AuthenticateApiKey */
select * from api.authenticate_api_key(
  :digest!, :crsDigest, :platform, :model, :client, :digestScheme!, :previousDigests!, :previousSchemes!);

/* @name AuthenticateApiKeys */
select * from api.authenticate_api_keys(
  :digests!, :crsDigests!, :platforms!, :models!, :clients!, :digestScheme!, :previousDigests!, :previousSchemes!);

/* @name CreateApiKey */
select * from api.create_api_key(:digest!, :digestScheme!, :settings!);

/* @name GetApiKey */
select * from api.get_api_key(:id!);

/* @name ListApiKeys */
select * from api.list_api_keys(:isActive, :isDeleted, :tag, :ownerUserId, :search, :limit!, :offset!);

/* @name CountApiKeys */
select api.count_api_keys(:isActive, :isDeleted, :tag, :ownerUserId, :search) as "total!";

/* @name UpdateApiKey */
select * from api.update_api_key(:id!, :changes!);

/* @name DeleteApiKey */
select * from api.delete_api_key(:id!, :deletedBy, :deletedByType!);

/* @name RestoreApiKey */
select * from api.restore_api_key(:id!, :restoredBy, :restoredByType!);

/* @name RegenerateApiKey */
select * from api.regenerate_api_key(:id!, :digest!, :digestScheme!);

/* @name PurgeApiKey */
select api.purge_api_key(:id!) as "id!";

/* @name RecordApiKeyUses */
select api.record_api_key_uses(:keyIds!, :usedAt!) as "updated!";

/* @name ListClientKinds */
select id as "id!", name as "name!", user_agent_pattern as "userAgentPattern!" from api.list_client_kinds();
