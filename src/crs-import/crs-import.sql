/* Queries behind the CRS importer (generated: crs-import.queries.ts). */

/* @name ImportCrsUser */
select api.import_crs_user(:redisKey!, :document!) as "outcome!";

/* @name ImportCrsApiKey */
select api.import_crs_api_key(:redisKey!, :fields!, :inHashMap!) as "outcome!";

/* @name CheckCrsApiKeyIndex */
select digest_prefix as "digestPrefix!", key_id as "keyId!", verdict as "verdict!"
  from api.check_crs_api_key_index(:hashMap!);

/* @name ListCrsImportNotes */
select key_id as "keyId!", note as "note!" from api.list_crs_import_notes(:keyIds!);

/* @name ImportCrsAccount */
select id as "id!", action as "action!", notes as "notes!"
  from api.import_crs_account(:redisKey!, :kind!, :fields!, :secrets!, :keyring!, :timeZone!);

/* @name ImportCrsAccountGroup */
select id as "id!", action as "action!", notes as "notes!"
  from api.import_crs_account_group(:redisKey!, :fields!, :memberIds!);

/* @name ImportCrsStickySession */
select id, action as "action!", notes as "notes!"
  from api.import_crs_sticky_session(:platform!, :sessionHash!, :accountId!, :ttlSeconds!);

/* @name ImportCrsOauthSession */
select id, action as "action!", notes as "notes!"
  from api.import_crs_oauth_session(:redisKey!, :fields!, :ttlSeconds!, :keyring!);

/* @name ListDanglingKeyBindings */
select api_key_id as "apiKeyId!", field as "field!", binding as "binding!" from api.list_dangling_key_bindings();

/* @name ImportCrsUsage */
select action as "action!", notes as "notes!" from api.import_crs_usage(:redisKey!, :value!::jsonb, :cutOff!);
