/** Types generated for queries found in "src/crs-import/crs-import.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'ImportCrsUser' parameters type */
export interface IImportCrsUserParams {
  document: Json;
  redisKey: string;
}

/** 'ImportCrsUser' return type */
export interface IImportCrsUserResult {
  outcome: string;
}

/** 'ImportCrsUser' query type */
export interface IImportCrsUserQuery {
  params: IImportCrsUserParams;
  result: IImportCrsUserResult;
}

const importCrsUserIR: any = {"usedParamSet":{"redisKey":true,"document":true},"params":[{"name":"redisKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":27,"b":36}]},{"name":"document","required":true,"transform":{"type":"scalar"},"locs":[{"a":39,"b":48}]}],"statement":"select api.import_crs_user(:redisKey!, :document!) as \"outcome!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.import_crs_user(:redisKey!, :document!) as "outcome!"
 * ```
 */
export const importCrsUser = new PreparedQuery<IImportCrsUserParams,IImportCrsUserResult>(importCrsUserIR);


/** 'ImportCrsApiKey' parameters type */
export interface IImportCrsApiKeyParams {
  fields: Json;
  inHashMap: boolean;
  redisKey: string;
}

/** 'ImportCrsApiKey' return type */
export interface IImportCrsApiKeyResult {
  outcome: string;
}

/** 'ImportCrsApiKey' query type */
export interface IImportCrsApiKeyQuery {
  params: IImportCrsApiKeyParams;
  result: IImportCrsApiKeyResult;
}

const importCrsApiKeyIR: any = {"usedParamSet":{"redisKey":true,"fields":true,"inHashMap":true},"params":[{"name":"redisKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":30,"b":39}]},{"name":"fields","required":true,"transform":{"type":"scalar"},"locs":[{"a":42,"b":49}]},{"name":"inHashMap","required":true,"transform":{"type":"scalar"},"locs":[{"a":52,"b":62}]}],"statement":"select api.import_crs_api_key(:redisKey!, :fields!, :inHashMap!) as \"outcome!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.import_crs_api_key(:redisKey!, :fields!, :inHashMap!) as "outcome!"
 * ```
 */
export const importCrsApiKey = new PreparedQuery<IImportCrsApiKeyParams,IImportCrsApiKeyResult>(importCrsApiKeyIR);


/** 'CheckCrsApiKeyIndex' parameters type */
export interface ICheckCrsApiKeyIndexParams {
  hashMap: Json;
}

/** 'CheckCrsApiKeyIndex' return type */
export interface ICheckCrsApiKeyIndexResult {
  digestPrefix: string;
  keyId: string;
  verdict: string;
}

/** 'CheckCrsApiKeyIndex' query type */
export interface ICheckCrsApiKeyIndexQuery {
  params: ICheckCrsApiKeyIndexParams;
  result: ICheckCrsApiKeyIndexResult;
}

const checkCrsApiKeyIndexIR: any = {"usedParamSet":{"hashMap":true},"params":[{"name":"hashMap","required":true,"transform":{"type":"scalar"},"locs":[{"a":118,"b":126}]}],"statement":"select digest_prefix as \"digestPrefix!\", key_id as \"keyId!\", verdict as \"verdict!\"\n  from api.check_crs_api_key_index(:hashMap!)"};

/**
 * Query generated from SQL:
 * ```
 * select digest_prefix as "digestPrefix!", key_id as "keyId!", verdict as "verdict!"
 *   from api.check_crs_api_key_index(:hashMap!)
 * ```
 */
export const checkCrsApiKeyIndex = new PreparedQuery<ICheckCrsApiKeyIndexParams,ICheckCrsApiKeyIndexResult>(checkCrsApiKeyIndexIR);


/** 'ListCrsImportNotes' parameters type */
export interface IListCrsImportNotesParams {
  keyIds: stringArray;
}

/** 'ListCrsImportNotes' return type */
export interface IListCrsImportNotesResult {
  keyId: string;
  note: string;
}

/** 'ListCrsImportNotes' query type */
export interface IListCrsImportNotesQuery {
  params: IListCrsImportNotesParams;
  result: IListCrsImportNotesResult;
}

const listCrsImportNotesIR: any = {"usedParamSet":{"keyIds":true},"params":[{"name":"keyIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":74,"b":81}]}],"statement":"select key_id as \"keyId!\", note as \"note!\" from api.list_crs_import_notes(:keyIds!)"};

/**
 * Query generated from SQL:
 * ```
 * select key_id as "keyId!", note as "note!" from api.list_crs_import_notes(:keyIds!)
 * ```
 */
export const listCrsImportNotes = new PreparedQuery<IListCrsImportNotesParams,IListCrsImportNotesResult>(listCrsImportNotesIR);


