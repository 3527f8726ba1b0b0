/** Types generated for queries found in "src/api-keys/api-keys.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type BufferArray = (Buffer)[];

export type DateOrString = Date | string;

export type DateOrStringArray = (DateOrString)[];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'AuthenticateApiKey' parameters type */
export interface IAuthenticateApiKeyParams {
  client?: string | null | void;
  crsDigest?: Buffer | null | void;
  digest: Buffer;
  digestScheme: string;
  model?: string | null | void;
  platform?: string | null | void;
  previousDigests: BufferArray;
  previousSchemes: stringArray;
}

/** 'AuthenticateApiKey' return type */
export interface IAuthenticateApiKeyResult {
  activated_now: boolean | null;
  auth_version: string | null;
  id: string | null;
  key: Json | null;
  refusal: string | null;
  rehashed_now: boolean | null;
  valid_until: Date | null;
}

/** 'AuthenticateApiKey' query type */
export interface IAuthenticateApiKeyQuery {
  params: IAuthenticateApiKeyParams;
  result: IAuthenticateApiKeyResult;
}

const authenticateApiKeyIR: any = {"usedParamSet":{"digest":true,"crsDigest":true,"platform":true,"model":true,"client":true,"digestScheme":true,"previousDigests":true,"previousSchemes":true},"params":[{"name":"digest","required":true,"transform":{"type":"scalar"},"locs":[{"a":42,"b":49}]},{"name":"crsDigest","required":false,"transform":{"type":"scalar"},"locs":[{"a":52,"b":61}]},{"name":"platform","required":false,"transform":{"type":"scalar"},"locs":[{"a":64,"b":72}]},{"name":"model","required":false,"transform":{"type":"scalar"},"locs":[{"a":75,"b":80}]},{"name":"client","required":false,"transform":{"type":"scalar"},"locs":[{"a":83,"b":89}]},{"name":"digestScheme","required":true,"transform":{"type":"scalar"},"locs":[{"a":92,"b":105}]},{"name":"previousDigests","required":true,"transform":{"type":"scalar"},"locs":[{"a":108,"b":124}]},{"name":"previousSchemes","required":true,"transform":{"type":"scalar"},"locs":[{"a":127,"b":143}]}],"statement":"select * from api.authenticate_api_key(\n  :digest!, :crsDigest, :platform, :model, :client, :digestScheme!, :previousDigests!, :previousSchemes!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.authenticate_api_key(
 *   :digest!, :crsDigest, :platform, :model, :client, :digestScheme!, :previousDigests!, :previousSchemes!)
 * ```
 */
export const authenticateApiKey = new PreparedQuery<IAuthenticateApiKeyParams,IAuthenticateApiKeyResult>(authenticateApiKeyIR);


/** 'AuthenticateApiKeys' parameters type */
export interface IAuthenticateApiKeysParams {
  clients: stringArray;
  crsDigests: BufferArray;
  digests: BufferArray;
  digestScheme: string;
  models: stringArray;
  platforms: stringArray;
  previousDigests: BufferArray;
  previousSchemes: stringArray;
}

/** 'AuthenticateApiKeys' return type */
export interface IAuthenticateApiKeysResult {
  activated_now: boolean | null;
  auth_version: string | null;
  id: string | null;
  key: Json | null;
  ord: number | null;
  refusal: string | null;
  rehashed_now: boolean | null;
  valid_until: Date | null;
}

/** 'AuthenticateApiKeys' query type */
export interface IAuthenticateApiKeysQuery {
  params: IAuthenticateApiKeysParams;
  result: IAuthenticateApiKeysResult;
}

const authenticateApiKeysIR: any = {"usedParamSet":{"digests":true,"crsDigests":true,"platforms":true,"models":true,"clients":true,"digestScheme":true,"previousDigests":true,"previousSchemes":true},"params":[{"name":"digests","required":true,"transform":{"type":"scalar"},"locs":[{"a":43,"b":51}]},{"name":"crsDigests","required":true,"transform":{"type":"scalar"},"locs":[{"a":54,"b":65}]},{"name":"platforms","required":true,"transform":{"type":"scalar"},"locs":[{"a":68,"b":78}]},{"name":"models","required":true,"transform":{"type":"scalar"},"locs":[{"a":81,"b":88}]},{"name":"clients","required":true,"transform":{"type":"scalar"},"locs":[{"a":91,"b":99}]},{"name":"digestScheme","required":true,"transform":{"type":"scalar"},"locs":[{"a":102,"b":115}]},{"name":"previousDigests","required":true,"transform":{"type":"scalar"},"locs":[{"a":118,"b":134}]},{"name":"previousSchemes","required":true,"transform":{"type":"scalar"},"locs":[{"a":137,"b":153}]}],"statement":"select * from api.authenticate_api_keys(\n  :digests!, :crsDigests!, :platforms!, :models!, :clients!, :digestScheme!, :previousDigests!, :previousSchemes!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.authenticate_api_keys(
 *   :digests!, :crsDigests!, :platforms!, :models!, :clients!, :digestScheme!, :previousDigests!, :previousSchemes!)
 * ```
 */
export const authenticateApiKeys = new PreparedQuery<IAuthenticateApiKeysParams,IAuthenticateApiKeysResult>(authenticateApiKeysIR);


/** 'CreateApiKey' parameters type */
export interface ICreateApiKeyParams {
  digest: Buffer;
  digestScheme: string;
  settings: Json;
}

/** 'CreateApiKey' return type */
export interface ICreateApiKeyResult {
  activated_at: Date | null;
  activation_days: number | null;
  allowed_clients: stringArray | null;
  auth_version: string | null;
  azure_openai_account_id: string | null;
  bedrock_account_id: string | null;
  claude_account_id: string | null;
  claude_console_account_id: string | null;
  concurrency_limit: number | null;
  created_at: Date | null;
  created_by: string | null;
  crs_extra: Json | null;
  daily_cost_limit: string | null;
  deleted_at: Date | null;
  deleted_by: string | null;
  deleted_by_type: string | null;
  description: string | null;
  digest_scheme: string | null;
  enable_client_restriction: boolean | null;
  enable_model_restriction: boolean | null;
  expiration_mode: string | null;
  expires_at: Date | null;
  gemini_account_id: string | null;
  icon: string | null;
  id: string | null;
  is_activated: boolean | null;
  is_active: boolean | null;
  last_used_at: Date | null;
  name: string | null;
  openai_account_id: string | null;
  owner_user_id: string | null;
  owner_username: string | null;
  permissions: string | null;
  rate_limit_cost: string | null;
  rate_limit_requests: number | null;
  rate_limit_window: number | null;
  restored_at: Date | null;
  restored_by: string | null;
  restored_by_type: string | null;
  restricted_models: stringArray | null;
  tags: stringArray | null;
  token_limit: string | null;
  total_cost_limit: string | null;
  updated_at: Date | null;
  weekly_opus_cost_limit: string | null;
}

/** 'CreateApiKey' query type */
export interface ICreateApiKeyQuery {
  params: ICreateApiKeyParams;
  result: ICreateApiKeyResult;
}

const createApiKeyIR: any = {"usedParamSet":{"digest":true,"digestScheme":true,"settings":true},"params":[{"name":"digest","required":true,"transform":{"type":"scalar"},"locs":[{"a":33,"b":40}]},{"name":"digestScheme","required":true,"transform":{"type":"scalar"},"locs":[{"a":43,"b":56}]},{"name":"settings","required":true,"transform":{"type":"scalar"},"locs":[{"a":59,"b":68}]}],"statement":"select * from api.create_api_key(:digest!, :digestScheme!, :settings!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.create_api_key(:digest!, :digestScheme!, :settings!)
 * ```
 */
export const createApiKey = new PreparedQuery<ICreateApiKeyParams,ICreateApiKeyResult>(createApiKeyIR);


/** 'GetApiKey' parameters type */
export interface IGetApiKeyParams {
  id: string;
}

/** 'GetApiKey' return type */
export interface IGetApiKeyResult {
  activated_at: Date | null;
  activation_days: number | null;
  allowed_clients: stringArray | null;
  auth_version: string | null;
  azure_openai_account_id: string | null;
  bedrock_account_id: string | null;
  claude_account_id: string | null;
  claude_console_account_id: string | null;
  concurrency_limit: number | null;
  created_at: Date | null;
  created_by: string | null;
  crs_extra: Json | null;
  daily_cost_limit: string | null;
  deleted_at: Date | null;
  deleted_by: string | null;
  deleted_by_type: string | null;
  description: string | null;
  digest_scheme: string | null;
  enable_client_restriction: boolean | null;
  enable_model_restriction: boolean | null;
  expiration_mode: string | null;
  expires_at: Date | null;
  gemini_account_id: string | null;
  icon: string | null;
  id: string | null;
  is_activated: boolean | null;
  is_active: boolean | null;
  last_used_at: Date | null;
  name: string | null;
  openai_account_id: string | null;
  owner_user_id: string | null;
  owner_username: string | null;
  permissions: string | null;
  rate_limit_cost: string | null;
  rate_limit_requests: number | null;
  rate_limit_window: number | null;
  restored_at: Date | null;
  restored_by: string | null;
  restored_by_type: string | null;
  restricted_models: stringArray | null;
  tags: stringArray | null;
  token_limit: string | null;
  total_cost_limit: string | null;
  updated_at: Date | null;
  weekly_opus_cost_limit: string | null;
}

/** 'GetApiKey' query type */
export interface IGetApiKeyQuery {
  params: IGetApiKeyParams;
  result: IGetApiKeyResult;
}

const getApiKeyIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":30,"b":33}]}],"statement":"select * from api.get_api_key(:id!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.get_api_key(:id!)
 * ```
 */
export const getApiKey = new PreparedQuery<IGetApiKeyParams,IGetApiKeyResult>(getApiKeyIR);


/** 'ListApiKeys' parameters type */
export interface IListApiKeysParams {
  isActive?: boolean | null | void;
  isDeleted?: boolean | null | void;
  limit: number;
  offset: number;
  ownerUserId?: string | null | void;
  search?: string | null | void;
  tag?: string | null | void;
}

/** 'ListApiKeys' return type */
export interface IListApiKeysResult {
  activated_at: Date | null;
  activation_days: number | null;
  allowed_clients: stringArray | null;
  auth_version: string | null;
  azure_openai_account_id: string | null;
  bedrock_account_id: string | null;
  claude_account_id: string | null;
  claude_console_account_id: string | null;
  concurrency_limit: number | null;
  created_at: Date | null;
  created_by: string | null;
  crs_extra: Json | null;
  daily_cost_limit: string | null;
  deleted_at: Date | null;
  deleted_by: string | null;
  deleted_by_type: string | null;
  description: string | null;
  digest_scheme: string | null;
  enable_client_restriction: boolean | null;
  enable_model_restriction: boolean | null;
  expiration_mode: string | null;
  expires_at: Date | null;
  gemini_account_id: string | null;
  icon: string | null;
  id: string | null;
  is_activated: boolean | null;
  is_active: boolean | null;
  last_used_at: Date | null;
  name: string | null;
  openai_account_id: string | null;
  owner_user_id: string | null;
  owner_username: string | null;
  permissions: string | null;
  rate_limit_cost: string | null;
  rate_limit_requests: number | null;
  rate_limit_window: number | null;
  restored_at: Date | null;
  restored_by: string | null;
  restored_by_type: string | null;
  restricted_models: stringArray | null;
  tags: stringArray | null;
  token_limit: string | null;
  total_cost_limit: string | null;
  updated_at: Date | null;
  weekly_opus_cost_limit: string | null;
}

/** 'ListApiKeys' query type */
export interface IListApiKeysQuery {
  params: IListApiKeysParams;
  result: IListApiKeysResult;
}

const listApiKeysIR: any = {"usedParamSet":{"isActive":true,"isDeleted":true,"tag":true,"ownerUserId":true,"search":true,"limit":true,"offset":true},"params":[{"name":"isActive","required":false,"transform":{"type":"scalar"},"locs":[{"a":32,"b":40}]},{"name":"isDeleted","required":false,"transform":{"type":"scalar"},"locs":[{"a":43,"b":52}]},{"name":"tag","required":false,"transform":{"type":"scalar"},"locs":[{"a":55,"b":58}]},{"name":"ownerUserId","required":false,"transform":{"type":"scalar"},"locs":[{"a":61,"b":72}]},{"name":"search","required":false,"transform":{"type":"scalar"},"locs":[{"a":75,"b":81}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":84,"b":90}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":93,"b":100}]}],"statement":"select * from api.list_api_keys(:isActive, :isDeleted, :tag, :ownerUserId, :search, :limit!, :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.list_api_keys(:isActive, :isDeleted, :tag, :ownerUserId, :search, :limit!, :offset!)
 * ```
 */
export const listApiKeys = new PreparedQuery<IListApiKeysParams,IListApiKeysResult>(listApiKeysIR);


/** 'CountApiKeys' parameters type */
export interface ICountApiKeysParams {
  isActive?: boolean | null | void;
  isDeleted?: boolean | null | void;
  ownerUserId?: string | null | void;
  search?: string | null | void;
  tag?: string | null | void;
}

/** 'CountApiKeys' return type */
export interface ICountApiKeysResult {
  total: string;
}

/** 'CountApiKeys' query type */
export interface ICountApiKeysQuery {
  params: ICountApiKeysParams;
  result: ICountApiKeysResult;
}

const countApiKeysIR: any = {"usedParamSet":{"isActive":true,"isDeleted":true,"tag":true,"ownerUserId":true,"search":true},"params":[{"name":"isActive","required":false,"transform":{"type":"scalar"},"locs":[{"a":26,"b":34}]},{"name":"isDeleted","required":false,"transform":{"type":"scalar"},"locs":[{"a":37,"b":46}]},{"name":"tag","required":false,"transform":{"type":"scalar"},"locs":[{"a":49,"b":52}]},{"name":"ownerUserId","required":false,"transform":{"type":"scalar"},"locs":[{"a":55,"b":66}]},{"name":"search","required":false,"transform":{"type":"scalar"},"locs":[{"a":69,"b":75}]}],"statement":"select api.count_api_keys(:isActive, :isDeleted, :tag, :ownerUserId, :search) as \"total!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.count_api_keys(:isActive, :isDeleted, :tag, :ownerUserId, :search) as "total!"
 * ```
 */
export const countApiKeys = new PreparedQuery<ICountApiKeysParams,ICountApiKeysResult>(countApiKeysIR);


/** 'UpdateApiKey' parameters type */
export interface IUpdateApiKeyParams {
  changes: Json;
  id: string;
}

/** 'UpdateApiKey' return type */
export interface IUpdateApiKeyResult {
  activated_at: Date | null;
  activation_days: number | null;
  allowed_clients: stringArray | null;
  auth_version: string | null;
  azure_openai_account_id: string | null;
  bedrock_account_id: string | null;
  claude_account_id: string | null;
  claude_console_account_id: string | null;
  concurrency_limit: number | null;
  created_at: Date | null;
  created_by: string | null;
  crs_extra: Json | null;
  daily_cost_limit: string | null;
  deleted_at: Date | null;
  deleted_by: string | null;
  deleted_by_type: string | null;
  description: string | null;
  digest_scheme: string | null;
  enable_client_restriction: boolean | null;
  enable_model_restriction: boolean | null;
  expiration_mode: string | null;
  expires_at: Date | null;
  gemini_account_id: string | null;
  icon: string | null;
  id: string | null;
  is_activated: boolean | null;
  is_active: boolean | null;
  last_used_at: Date | null;
  name: string | null;
  openai_account_id: string | null;
  owner_user_id: string | null;
  owner_username: string | null;
  permissions: string | null;
  rate_limit_cost: string | null;
  rate_limit_requests: number | null;
  rate_limit_window: number | null;
  restored_at: Date | null;
  restored_by: string | null;
  restored_by_type: string | null;
  restricted_models: stringArray | null;
  tags: stringArray | null;
  token_limit: string | null;
  total_cost_limit: string | null;
  updated_at: Date | null;
  weekly_opus_cost_limit: string | null;
}

/** 'UpdateApiKey' query type */
export interface IUpdateApiKeyQuery {
  params: IUpdateApiKeyParams;
  result: IUpdateApiKeyResult;
}

const updateApiKeyIR: any = {"usedParamSet":{"id":true,"changes":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":33,"b":36}]},{"name":"changes","required":true,"transform":{"type":"scalar"},"locs":[{"a":39,"b":47}]}],"statement":"select * from api.update_api_key(:id!, :changes!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.update_api_key(:id!, :changes!)
 * ```
 */
export const updateApiKey = new PreparedQuery<IUpdateApiKeyParams,IUpdateApiKeyResult>(updateApiKeyIR);


/** 'DeleteApiKey' parameters type */
export interface IDeleteApiKeyParams {
  deletedBy?: string | null | void;
  deletedByType: string;
  id: string;
}

/** 'DeleteApiKey' return type */
export interface IDeleteApiKeyResult {
  activated_at: Date | null;
  activation_days: number | null;
  allowed_clients: stringArray | null;
  auth_version: string | null;
  azure_openai_account_id: string | null;
  bedrock_account_id: string | null;
  claude_account_id: string | null;
  claude_console_account_id: string | null;
  concurrency_limit: number | null;
  created_at: Date | null;
  created_by: string | null;
  crs_extra: Json | null;
  daily_cost_limit: string | null;
  deleted_at: Date | null;
  deleted_by: string | null;
  deleted_by_type: string | null;
  description: string | null;
  digest_scheme: string | null;
  enable_client_restriction: boolean | null;
  enable_model_restriction: boolean | null;
  expiration_mode: string | null;
  expires_at: Date | null;
  gemini_account_id: string | null;
  icon: string | null;
  id: string | null;
  is_activated: boolean | null;
  is_active: boolean | null;
  last_used_at: Date | null;
  name: string | null;
  openai_account_id: string | null;
  owner_user_id: string | null;
  owner_username: string | null;
  permissions: string | null;
  rate_limit_cost: string | null;
  rate_limit_requests: number | null;
  rate_limit_window: number | null;
  restored_at: Date | null;
  restored_by: string | null;
  restored_by_type: string | null;
  restricted_models: stringArray | null;
  tags: stringArray | null;
  token_limit: string | null;
  total_cost_limit: string | null;
  updated_at: Date | null;
  weekly_opus_cost_limit: string | null;
}

/** 'DeleteApiKey' query type */
export interface IDeleteApiKeyQuery {
  params: IDeleteApiKeyParams;
  result: IDeleteApiKeyResult;
}

const deleteApiKeyIR: any = {"usedParamSet":{"id":true,"deletedBy":true,"deletedByType":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":33,"b":36}]},{"name":"deletedBy","required":false,"transform":{"type":"scalar"},"locs":[{"a":39,"b":48}]},{"name":"deletedByType","required":true,"transform":{"type":"scalar"},"locs":[{"a":51,"b":65}]}],"statement":"select * from api.delete_api_key(:id!, :deletedBy, :deletedByType!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.delete_api_key(:id!, :deletedBy, :deletedByType!)
 * ```
 */
export const deleteApiKey = new PreparedQuery<IDeleteApiKeyParams,IDeleteApiKeyResult>(deleteApiKeyIR);


/** 'RestoreApiKey' parameters type */
export interface IRestoreApiKeyParams {
  id: string;
  restoredBy?: string | null | void;
  restoredByType: string;
}

/** 'RestoreApiKey' return type */
export interface IRestoreApiKeyResult {
  activated_at: Date | null;
  activation_days: number | null;
  allowed_clients: stringArray | null;
  auth_version: string | null;
  azure_openai_account_id: string | null;
  bedrock_account_id: string | null;
  claude_account_id: string | null;
  claude_console_account_id: string | null;
  concurrency_limit: number | null;
  created_at: Date | null;
  created_by: string | null;
  crs_extra: Json | null;
  daily_cost_limit: string | null;
  deleted_at: Date | null;
  deleted_by: string | null;
  deleted_by_type: string | null;
  description: string | null;
  digest_scheme: string | null;
  enable_client_restriction: boolean | null;
  enable_model_restriction: boolean | null;
  expiration_mode: string | null;
  expires_at: Date | null;
  gemini_account_id: string | null;
  icon: string | null;
  id: string | null;
  is_activated: boolean | null;
  is_active: boolean | null;
  last_used_at: Date | null;
  name: string | null;
  openai_account_id: string | null;
  owner_user_id: string | null;
  owner_username: string | null;
  permissions: string | null;
  rate_limit_cost: string | null;
  rate_limit_requests: number | null;
  rate_limit_window: number | null;
  restored_at: Date | null;
  restored_by: string | null;
  restored_by_type: string | null;
  restricted_models: stringArray | null;
  tags: stringArray | null;
  token_limit: string | null;
  total_cost_limit: string | null;
  updated_at: Date | null;
  weekly_opus_cost_limit: string | null;
}

/** 'RestoreApiKey' query type */
export interface IRestoreApiKeyQuery {
  params: IRestoreApiKeyParams;
  result: IRestoreApiKeyResult;
}

const restoreApiKeyIR: any = {"usedParamSet":{"id":true,"restoredBy":true,"restoredByType":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":34,"b":37}]},{"name":"restoredBy","required":false,"transform":{"type":"scalar"},"locs":[{"a":40,"b":50}]},{"name":"restoredByType","required":true,"transform":{"type":"scalar"},"locs":[{"a":53,"b":68}]}],"statement":"select * from api.restore_api_key(:id!, :restoredBy, :restoredByType!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.restore_api_key(:id!, :restoredBy, :restoredByType!)
 * ```
 */
export const restoreApiKey = new PreparedQuery<IRestoreApiKeyParams,IRestoreApiKeyResult>(restoreApiKeyIR);


/** 'RegenerateApiKey' parameters type */
export interface IRegenerateApiKeyParams {
  digest: Buffer;
  digestScheme: string;
  id: string;
}

/** 'RegenerateApiKey' return type */
export interface IRegenerateApiKeyResult {
  activated_at: Date | null;
  activation_days: number | null;
  allowed_clients: stringArray | null;
  auth_version: string | null;
  azure_openai_account_id: string | null;
  bedrock_account_id: string | null;
  claude_account_id: string | null;
  claude_console_account_id: string | null;
  concurrency_limit: number | null;
  created_at: Date | null;
  created_by: string | null;
  crs_extra: Json | null;
  daily_cost_limit: string | null;
  deleted_at: Date | null;
  deleted_by: string | null;
  deleted_by_type: string | null;
  description: string | null;
  digest_scheme: string | null;
  enable_client_restriction: boolean | null;
  enable_model_restriction: boolean | null;
  expiration_mode: string | null;
  expires_at: Date | null;
  gemini_account_id: string | null;
  icon: string | null;
  id: string | null;
  is_activated: boolean | null;
  is_active: boolean | null;
  last_used_at: Date | null;
  name: string | null;
  openai_account_id: string | null;
  owner_user_id: string | null;
  owner_username: string | null;
  permissions: string | null;
  rate_limit_cost: string | null;
  rate_limit_requests: number | null;
  rate_limit_window: number | null;
  restored_at: Date | null;
  restored_by: string | null;
  restored_by_type: string | null;
  restricted_models: stringArray | null;
  tags: stringArray | null;
  token_limit: string | null;
  total_cost_limit: string | null;
  updated_at: Date | null;
  weekly_opus_cost_limit: string | null;
}

/** 'RegenerateApiKey' query type */
export interface IRegenerateApiKeyQuery {
  params: IRegenerateApiKeyParams;
  result: IRegenerateApiKeyResult;
}

const regenerateApiKeyIR: any = {"usedParamSet":{"id":true,"digest":true,"digestScheme":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":37,"b":40}]},{"name":"digest","required":true,"transform":{"type":"scalar"},"locs":[{"a":43,"b":50}]},{"name":"digestScheme","required":true,"transform":{"type":"scalar"},"locs":[{"a":53,"b":66}]}],"statement":"select * from api.regenerate_api_key(:id!, :digest!, :digestScheme!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.regenerate_api_key(:id!, :digest!, :digestScheme!)
 * ```
 */
export const regenerateApiKey = new PreparedQuery<IRegenerateApiKeyParams,IRegenerateApiKeyResult>(regenerateApiKeyIR);


/** 'PurgeApiKey' parameters type */
export interface IPurgeApiKeyParams {
  id: string;
}

/** 'PurgeApiKey' return type */
export interface IPurgeApiKeyResult {
  id: string;
}

/** 'PurgeApiKey' query type */
export interface IPurgeApiKeyQuery {
  params: IPurgeApiKeyParams;
  result: IPurgeApiKeyResult;
}

const purgeApiKeyIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":25,"b":28}]}],"statement":"select api.purge_api_key(:id!) as \"id!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.purge_api_key(:id!) as "id!"
 * ```
 */
export const purgeApiKey = new PreparedQuery<IPurgeApiKeyParams,IPurgeApiKeyResult>(purgeApiKeyIR);


/** 'RecordApiKeyUses' parameters type */
export interface IRecordApiKeyUsesParams {
  keyIds: stringArray;
  usedAt: DateOrStringArray;
}

/** 'RecordApiKeyUses' return type */
export interface IRecordApiKeyUsesResult {
  updated: number;
}

/** 'RecordApiKeyUses' query type */
export interface IRecordApiKeyUsesQuery {
  params: IRecordApiKeyUsesParams;
  result: IRecordApiKeyUsesResult;
}

const recordApiKeyUsesIR: any = {"usedParamSet":{"keyIds":true,"usedAt":true},"params":[{"name":"keyIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":31,"b":38}]},{"name":"usedAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":41,"b":48}]}],"statement":"select api.record_api_key_uses(:keyIds!, :usedAt!) as \"updated!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.record_api_key_uses(:keyIds!, :usedAt!) as "updated!"
 * ```
 */
export const recordApiKeyUses = new PreparedQuery<IRecordApiKeyUsesParams,IRecordApiKeyUsesResult>(recordApiKeyUsesIR);


/** 'ListClientKinds' parameters type */
export type IListClientKindsParams = void;

/** 'ListClientKinds' return type */
export interface IListClientKindsResult {
  id: string;
  name: string;
  userAgentPattern: string;
}

/** 'ListClientKinds' query type */
export interface IListClientKindsQuery {
  params: IListClientKindsParams;
  result: IListClientKindsResult;
}

const listClientKindsIR: any = {"usedParamSet":{},"params":[],"statement":"select id as \"id!\", name as \"name!\", user_agent_pattern as \"userAgentPattern!\" from api.list_client_kinds()"};

/**
 * Query generated from SQL:
 * ```
 * select id as "id!", name as "name!", user_agent_pattern as "userAgentPattern!" from api.list_client_kinds()
 * ```
 */
export const listClientKinds = new PreparedQuery<IListClientKindsParams,IListClientKindsResult>(listClientKindsIR);


