/** Types generated for queries found in "src/crs-import/crs-import.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

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


/** 'ImportCrsAccount' parameters type */
export interface IImportCrsAccountParams {
  fields: Json;
  keyring: Json;
  kind: string;
  redisKey: string;
  secrets: Json;
  timeZone: string;
}

/** 'ImportCrsAccount' return type */
export interface IImportCrsAccountResult {
  action: string;
  id: string;
  notes: stringArray;
}

/** 'ImportCrsAccount' query type */
export interface IImportCrsAccountQuery {
  params: IImportCrsAccountParams;
  result: IImportCrsAccountResult;
}

const importCrsAccountIR: any = {"usedParamSet":{"redisKey":true,"kind":true,"fields":true,"secrets":true,"keyring":true,"timeZone":true},"params":[{"name":"redisKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":89,"b":98}]},{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":101,"b":106}]},{"name":"fields","required":true,"transform":{"type":"scalar"},"locs":[{"a":109,"b":116}]},{"name":"secrets","required":true,"transform":{"type":"scalar"},"locs":[{"a":119,"b":127}]},{"name":"keyring","required":true,"transform":{"type":"scalar"},"locs":[{"a":130,"b":138}]},{"name":"timeZone","required":true,"transform":{"type":"scalar"},"locs":[{"a":141,"b":150}]}],"statement":"select id as \"id!\", action as \"action!\", notes as \"notes!\"\n  from api.import_crs_account(:redisKey!, :kind!, :fields!, :secrets!, :keyring!, :timeZone!)"};

/**
 * Query generated from SQL:
 * ```
 * select id as "id!", action as "action!", notes as "notes!"
 *   from api.import_crs_account(:redisKey!, :kind!, :fields!, :secrets!, :keyring!, :timeZone!)
 * ```
 */
export const importCrsAccount = new PreparedQuery<IImportCrsAccountParams,IImportCrsAccountResult>(importCrsAccountIR);


/** 'ImportCrsAccountGroup' parameters type */
export interface IImportCrsAccountGroupParams {
  fields: Json;
  memberIds: stringArray;
  redisKey: string;
}

/** 'ImportCrsAccountGroup' return type */
export interface IImportCrsAccountGroupResult {
  action: string;
  id: string;
  notes: stringArray;
}

/** 'ImportCrsAccountGroup' query type */
export interface IImportCrsAccountGroupQuery {
  params: IImportCrsAccountGroupParams;
  result: IImportCrsAccountGroupResult;
}

const importCrsAccountGroupIR: any = {"usedParamSet":{"redisKey":true,"fields":true,"memberIds":true},"params":[{"name":"redisKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":95,"b":104}]},{"name":"fields","required":true,"transform":{"type":"scalar"},"locs":[{"a":107,"b":114}]},{"name":"memberIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":117,"b":127}]}],"statement":"select id as \"id!\", action as \"action!\", notes as \"notes!\"\n  from api.import_crs_account_group(:redisKey!, :fields!, :memberIds!)"};

/**
 * Query generated from SQL:
 * ```
 * select id as "id!", action as "action!", notes as "notes!"
 *   from api.import_crs_account_group(:redisKey!, :fields!, :memberIds!)
 * ```
 */
export const importCrsAccountGroup = new PreparedQuery<IImportCrsAccountGroupParams,IImportCrsAccountGroupResult>(importCrsAccountGroupIR);


/** 'ImportCrsStickySession' parameters type */
export interface IImportCrsStickySessionParams {
  accountId: string;
  platform: string;
  sessionHash: string;
  ttlSeconds: number;
}

/** 'ImportCrsStickySession' return type */
export interface IImportCrsStickySessionResult {
  action: string;
  id: string | null;
  notes: stringArray;
}

/** 'ImportCrsStickySession' query type */
export interface IImportCrsStickySessionQuery {
  params: IImportCrsStickySessionParams;
  result: IImportCrsStickySessionResult;
}

const importCrsStickySessionIR: any = {"usedParamSet":{"platform":true,"sessionHash":true,"accountId":true,"ttlSeconds":true},"params":[{"name":"platform","required":true,"transform":{"type":"scalar"},"locs":[{"a":87,"b":96}]},{"name":"sessionHash","required":true,"transform":{"type":"scalar"},"locs":[{"a":99,"b":111}]},{"name":"accountId","required":true,"transform":{"type":"scalar"},"locs":[{"a":114,"b":124}]},{"name":"ttlSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":127,"b":138}]}],"statement":"select id, action as \"action!\", notes as \"notes!\"\n  from api.import_crs_sticky_session(:platform!, :sessionHash!, :accountId!, :ttlSeconds!)"};

/**
 * Query generated from SQL:
 * ```
 * select id, action as "action!", notes as "notes!"
 *   from api.import_crs_sticky_session(:platform!, :sessionHash!, :accountId!, :ttlSeconds!)
 * ```
 */
export const importCrsStickySession = new PreparedQuery<IImportCrsStickySessionParams,IImportCrsStickySessionResult>(importCrsStickySessionIR);


/** 'ImportCrsOauthSession' parameters type */
export interface IImportCrsOauthSessionParams {
  fields: Json;
  keyring: Json;
  redisKey: string;
  ttlSeconds: number;
}

/** 'ImportCrsOauthSession' return type */
export interface IImportCrsOauthSessionResult {
  action: string;
  id: string | null;
  notes: stringArray;
}

/** 'ImportCrsOauthSession' query type */
export interface IImportCrsOauthSessionQuery {
  params: IImportCrsOauthSessionParams;
  result: IImportCrsOauthSessionResult;
}

const importCrsOauthSessionIR: any = {"usedParamSet":{"redisKey":true,"fields":true,"ttlSeconds":true,"keyring":true},"params":[{"name":"redisKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":86,"b":95}]},{"name":"fields","required":true,"transform":{"type":"scalar"},"locs":[{"a":98,"b":105}]},{"name":"ttlSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":108,"b":119}]},{"name":"keyring","required":true,"transform":{"type":"scalar"},"locs":[{"a":122,"b":130}]}],"statement":"select id, action as \"action!\", notes as \"notes!\"\n  from api.import_crs_oauth_session(:redisKey!, :fields!, :ttlSeconds!, :keyring!)"};

/**
 * Query generated from SQL:
 * ```
 * select id, action as "action!", notes as "notes!"
 *   from api.import_crs_oauth_session(:redisKey!, :fields!, :ttlSeconds!, :keyring!)
 * ```
 */
export const importCrsOauthSession = new PreparedQuery<IImportCrsOauthSessionParams,IImportCrsOauthSessionResult>(importCrsOauthSessionIR);


/** 'ListDanglingKeyBindings' parameters type */
export type IListDanglingKeyBindingsParams = void;

/** 'ListDanglingKeyBindings' return type */
export interface IListDanglingKeyBindingsResult {
  apiKeyId: string;
  binding: string;
  field: string;
}

/** 'ListDanglingKeyBindings' query type */
export interface IListDanglingKeyBindingsQuery {
  params: IListDanglingKeyBindingsParams;
  result: IListDanglingKeyBindingsResult;
}

const listDanglingKeyBindingsIR: any = {"usedParamSet":{},"params":[],"statement":"select api_key_id as \"apiKeyId!\", field as \"field!\", binding as \"binding!\" from api.list_dangling_key_bindings()"};

/**
 * Query generated from SQL:
 * ```
 * select api_key_id as "apiKeyId!", field as "field!", binding as "binding!" from api.list_dangling_key_bindings()
 * ```
 */
export const listDanglingKeyBindings = new PreparedQuery<IListDanglingKeyBindingsParams,IListDanglingKeyBindingsResult>(listDanglingKeyBindingsIR);


/** 'ImportCrsUsage' parameters type */
export interface IImportCrsUsageParams {
  cutOff: DateOrString;
  redisKey: string;
  value: Json;
}

/** 'ImportCrsUsage' return type */
export interface IImportCrsUsageResult {
  action: string;
  notes: stringArray;
}

/** 'ImportCrsUsage' query type */
export interface IImportCrsUsageQuery {
  params: IImportCrsUsageParams;
  result: IImportCrsUsageResult;
}

const importCrsUsageIR: any = {"usedParamSet":{"redisKey":true,"value":true,"cutOff":true},"params":[{"name":"redisKey","required":true,"transform":{"type":"scalar"},"locs":[{"a":72,"b":81}]},{"name":"value","required":true,"transform":{"type":"scalar"},"locs":[{"a":84,"b":90}]},{"name":"cutOff","required":true,"transform":{"type":"scalar"},"locs":[{"a":100,"b":107}]}],"statement":"select action as \"action!\", notes as \"notes!\" from api.import_crs_usage(:redisKey!, :value!::jsonb, :cutOff!)"};

/**
 * Query generated from SQL:
 * ```
 * select action as "action!", notes as "notes!" from api.import_crs_usage(:redisKey!, :value!::jsonb, :cutOff!)
 * ```
 */
export const importCrsUsage = new PreparedQuery<IImportCrsUsageParams,IImportCrsUsageResult>(importCrsUsageIR);


