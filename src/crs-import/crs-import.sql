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
