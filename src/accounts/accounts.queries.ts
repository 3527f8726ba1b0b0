/** Types generated for queries found in "src/accounts/accounts.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type DateOrString = Date | string;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'CreateAccount' parameters type */
export interface ICreateAccountParams {
  keyring: Json;
  kind: string;
  secrets: Json;
  settings: Json;
}

/** 'CreateAccount' return type */
export interface ICreateAccountResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'CreateAccount' query type */
export interface ICreateAccountQuery {
  params: ICreateAccountParams;
  result: ICreateAccountResult;
}

const createAccountIR: any = {"usedParamSet":{"kind":true,"settings":true,"secrets":true,"keyring":true},"params":[{"name":"kind","required":true,"transform":{"type":"scalar"},"locs":[{"a":33,"b":38}]},{"name":"settings","required":true,"transform":{"type":"scalar"},"locs":[{"a":41,"b":50}]},{"name":"secrets","required":true,"transform":{"type":"scalar"},"locs":[{"a":53,"b":61}]},{"name":"keyring","required":true,"transform":{"type":"scalar"},"locs":[{"a":64,"b":72}]}],"statement":"select * from api.create_account(:kind!, :settings!, :secrets!, :keyring!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.create_account(:kind!, :settings!, :secrets!, :keyring!)
 * ```
 */
export const createAccount = new PreparedQuery<ICreateAccountParams,ICreateAccountResult>(createAccountIR);


/** 'GetAccount' parameters type */
export interface IGetAccountParams {
  id: string;
}

/** 'GetAccount' return type */
export interface IGetAccountResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'GetAccount' query type */
export interface IGetAccountQuery {
  params: IGetAccountParams;
  result: IGetAccountResult;
}

const getAccountIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":30,"b":33}]}],"statement":"select * from api.get_account(:id!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.get_account(:id!)
 * ```
 */
export const getAccount = new PreparedQuery<IGetAccountParams,IGetAccountResult>(getAccountIR);


/** 'ListAccounts' parameters type */
export interface IListAccountsParams {
  groupId?: string | null | void;
  kind?: string | null | void;
  limit: number;
  offset: number;
  platform?: string | null | void;
}

/** 'ListAccounts' return type */
export interface IListAccountsResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'ListAccounts' query type */
export interface IListAccountsQuery {
  params: IListAccountsParams;
  result: IListAccountsResult;
}

const listAccountsIR: any = {"usedParamSet":{"platform":true,"kind":true,"groupId":true,"limit":true,"offset":true},"params":[{"name":"platform","required":false,"transform":{"type":"scalar"},"locs":[{"a":32,"b":40}]},{"name":"kind","required":false,"transform":{"type":"scalar"},"locs":[{"a":43,"b":47}]},{"name":"groupId","required":false,"transform":{"type":"scalar"},"locs":[{"a":50,"b":57}]},{"name":"limit","required":true,"transform":{"type":"scalar"},"locs":[{"a":60,"b":66}]},{"name":"offset","required":true,"transform":{"type":"scalar"},"locs":[{"a":69,"b":76}]}],"statement":"select * from api.list_accounts(:platform, :kind, :groupId, :limit!, :offset!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.list_accounts(:platform, :kind, :groupId, :limit!, :offset!)
 * ```
 */
export const listAccounts = new PreparedQuery<IListAccountsParams,IListAccountsResult>(listAccountsIR);


/** 'CountAccounts' parameters type */
export interface ICountAccountsParams {
  groupId?: string | null | void;
  kind?: string | null | void;
  platform?: string | null | void;
}

/** 'CountAccounts' return type */
export interface ICountAccountsResult {
  total: string;
}

/** 'CountAccounts' query type */
export interface ICountAccountsQuery {
  params: ICountAccountsParams;
  result: ICountAccountsResult;
}

const countAccountsIR: any = {"usedParamSet":{"platform":true,"kind":true,"groupId":true},"params":[{"name":"platform","required":false,"transform":{"type":"scalar"},"locs":[{"a":26,"b":34}]},{"name":"kind","required":false,"transform":{"type":"scalar"},"locs":[{"a":37,"b":41}]},{"name":"groupId","required":false,"transform":{"type":"scalar"},"locs":[{"a":44,"b":51}]}],"statement":"select api.count_accounts(:platform, :kind, :groupId) as \"total!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.count_accounts(:platform, :kind, :groupId) as "total!"
 * ```
 */
export const countAccounts = new PreparedQuery<ICountAccountsParams,ICountAccountsResult>(countAccountsIR);


/** 'UpdateAccount' parameters type */
export interface IUpdateAccountParams {
  changes: Json;
  id: string;
  keyring: Json;
  secrets: Json;
}

/** 'UpdateAccount' return type */
export interface IUpdateAccountResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'UpdateAccount' query type */
export interface IUpdateAccountQuery {
  params: IUpdateAccountParams;
  result: IUpdateAccountResult;
}

const updateAccountIR: any = {"usedParamSet":{"id":true,"changes":true,"secrets":true,"keyring":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":33,"b":36}]},{"name":"changes","required":true,"transform":{"type":"scalar"},"locs":[{"a":39,"b":47}]},{"name":"secrets","required":true,"transform":{"type":"scalar"},"locs":[{"a":50,"b":58}]},{"name":"keyring","required":true,"transform":{"type":"scalar"},"locs":[{"a":61,"b":69}]}],"statement":"select * from api.update_account(:id!, :changes!, :secrets!, :keyring!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.update_account(:id!, :changes!, :secrets!, :keyring!)
 * ```
 */
export const updateAccount = new PreparedQuery<IUpdateAccountParams,IUpdateAccountResult>(updateAccountIR);


/** 'DeleteAccount' parameters type */
export interface IDeleteAccountParams {
  id: string;
  unbindKeys: boolean;
}

/** 'DeleteAccount' return type */
export interface IDeleteAccountResult {
  unboundKeys: number;
}

/** 'DeleteAccount' query type */
export interface IDeleteAccountQuery {
  params: IDeleteAccountParams;
  result: IDeleteAccountResult;
}

const deleteAccountIR: any = {"usedParamSet":{"id":true,"unbindKeys":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":26,"b":29}]},{"name":"unbindKeys","required":true,"transform":{"type":"scalar"},"locs":[{"a":32,"b":43}]}],"statement":"select api.delete_account(:id!, :unbindKeys!) as \"unboundKeys!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.delete_account(:id!, :unbindKeys!) as "unboundKeys!"
 * ```
 */
export const deleteAccount = new PreparedQuery<IDeleteAccountParams,IDeleteAccountResult>(deleteAccountIR);


/** 'AccountCredentials' parameters type */
export interface IAccountCredentialsParams {
  id: string;
  keyring: Json;
}

/** 'AccountCredentials' return type */
export interface IAccountCredentialsResult {
  account_id: string | null;
  kind: string | null;
  options: Json | null;
  proxy: Json | null;
  secrets: Json | null;
  version: string | null;
}

/** 'AccountCredentials' query type */
export interface IAccountCredentialsQuery {
  params: IAccountCredentialsParams;
  result: IAccountCredentialsResult;
}

const accountCredentialsIR: any = {"usedParamSet":{"id":true,"keyring":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":38,"b":41}]},{"name":"keyring","required":true,"transform":{"type":"scalar"},"locs":[{"a":44,"b":52}]}],"statement":"select * from api.account_credentials(:id!, :keyring!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.account_credentials(:id!, :keyring!)
 * ```
 */
export const accountCredentials = new PreparedQuery<IAccountCredentialsParams,IAccountCredentialsResult>(accountCredentialsIR);


/** 'RotateAccountSecrets' parameters type */
export interface IRotateAccountSecretsParams {
  batchSize: number;
  keyring: Json;
}

/** 'RotateAccountSecrets' return type */
export interface IRotateAccountSecretsResult {
  rotated: number;
}

/** 'RotateAccountSecrets' query type */
export interface IRotateAccountSecretsQuery {
  params: IRotateAccountSecretsParams;
  result: IRotateAccountSecretsResult;
}

const rotateAccountSecretsIR: any = {"usedParamSet":{"keyring":true,"batchSize":true},"params":[{"name":"keyring","required":true,"transform":{"type":"scalar"},"locs":[{"a":34,"b":42}]},{"name":"batchSize","required":true,"transform":{"type":"scalar"},"locs":[{"a":45,"b":55}]}],"statement":"select api.rotate_account_secrets(:keyring!, :batchSize!) as \"rotated!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.rotate_account_secrets(:keyring!, :batchSize!) as "rotated!"
 * ```
 */
export const rotateAccountSecrets = new PreparedQuery<IRotateAccountSecretsParams,IRotateAccountSecretsResult>(rotateAccountSecretsIR);


/** 'AccountSecretVersions' parameters type */
export type IAccountSecretVersionsParams = void;

/** 'AccountSecretVersions' return type */
export interface IAccountSecretVersionsResult {
  accounts: string;
  keyVersion: number;
}

/** 'AccountSecretVersions' query type */
export interface IAccountSecretVersionsQuery {
  params: IAccountSecretVersionsParams;
  result: IAccountSecretVersionsResult;
}

const accountSecretVersionsIR: any = {"usedParamSet":{},"params":[],"statement":"select key_version as \"keyVersion!\", accounts as \"accounts!\" from api.account_secret_versions()"};

/**
 * Query generated from SQL:
 * ```
 * select key_version as "keyVersion!", accounts as "accounts!" from api.account_secret_versions()
 * ```
 */
export const accountSecretVersions = new PreparedQuery<IAccountSecretVersionsParams,IAccountSecretVersionsResult>(accountSecretVersionsIR);


/** 'PauseAccount' parameters type */
export interface IPauseAccountParams {
  id: string;
}

/** 'PauseAccount' return type */
export interface IPauseAccountResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'PauseAccount' query type */
export interface IPauseAccountQuery {
  params: IPauseAccountParams;
  result: IPauseAccountResult;
}

const pauseAccountIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":32,"b":35}]}],"statement":"select * from api.pause_account(:id!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.pause_account(:id!)
 * ```
 */
export const pauseAccount = new PreparedQuery<IPauseAccountParams,IPauseAccountResult>(pauseAccountIR);


/** 'ResumeAccount' parameters type */
export interface IResumeAccountParams {
  id: string;
}

/** 'ResumeAccount' return type */
export interface IResumeAccountResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'ResumeAccount' query type */
export interface IResumeAccountQuery {
  params: IResumeAccountParams;
  result: IResumeAccountResult;
}

const resumeAccountIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":33,"b":36}]}],"statement":"select * from api.resume_account(:id!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.resume_account(:id!)
 * ```
 */
export const resumeAccount = new PreparedQuery<IResumeAccountParams,IResumeAccountResult>(resumeAccountIR);


/** 'ResetAccountState' parameters type */
export interface IResetAccountStateParams {
  id: string;
}

/** 'ResetAccountState' return type */
export interface IResetAccountStateResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'ResetAccountState' query type */
export interface IResetAccountStateQuery {
  params: IResetAccountStateParams;
  result: IResetAccountStateResult;
}

const resetAccountStateIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":38,"b":41}]}],"statement":"select * from api.reset_account_state(:id!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.reset_account_state(:id!)
 * ```
 */
export const resetAccountState = new PreparedQuery<IResetAccountStateParams,IResetAccountStateResult>(resetAccountStateIR);


/** 'MarkAccountRateLimited' parameters type */
export interface IMarkAccountRateLimitedParams {
  id: string;
  resetAt?: DateOrString | null | void;
}

/** 'MarkAccountRateLimited' return type */
export interface IMarkAccountRateLimitedResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'MarkAccountRateLimited' query type */
export interface IMarkAccountRateLimitedQuery {
  params: IMarkAccountRateLimitedParams;
  result: IMarkAccountRateLimitedResult;
}

const markAccountRateLimitedIR: any = {"usedParamSet":{"id":true,"resetAt":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":44,"b":47}]},{"name":"resetAt","required":false,"transform":{"type":"scalar"},"locs":[{"a":50,"b":57}]}],"statement":"select * from api.mark_account_rate_limited(:id!, :resetAt)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.mark_account_rate_limited(:id!, :resetAt)
 * ```
 */
export const markAccountRateLimited = new PreparedQuery<IMarkAccountRateLimitedParams,IMarkAccountRateLimitedResult>(markAccountRateLimitedIR);


/** 'MarkAccountOverloaded' parameters type */
export interface IMarkAccountOverloadedParams {
  id: string;
  minutes: number;
}

/** 'MarkAccountOverloaded' return type */
export interface IMarkAccountOverloadedResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'MarkAccountOverloaded' query type */
export interface IMarkAccountOverloadedQuery {
  params: IMarkAccountOverloadedParams;
  result: IMarkAccountOverloadedResult;
}

const markAccountOverloadedIR: any = {"usedParamSet":{"id":true,"minutes":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":42,"b":45}]},{"name":"minutes","required":true,"transform":{"type":"scalar"},"locs":[{"a":48,"b":56}]}],"statement":"select * from api.mark_account_overloaded(:id!, :minutes!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.mark_account_overloaded(:id!, :minutes!)
 * ```
 */
export const markAccountOverloaded = new PreparedQuery<IMarkAccountOverloadedParams,IMarkAccountOverloadedResult>(markAccountOverloadedIR);


/** 'RecordAccountServerError' parameters type */
export interface IRecordAccountServerErrorParams {
  id: string;
  recoverySeconds: number;
  threshold: number;
  windowSeconds: number;
}

/** 'RecordAccountServerError' return type */
export interface IRecordAccountServerErrorResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'RecordAccountServerError' query type */
export interface IRecordAccountServerErrorQuery {
  params: IRecordAccountServerErrorParams;
  result: IRecordAccountServerErrorResult;
}

const recordAccountServerErrorIR: any = {"usedParamSet":{"id":true,"threshold":true,"windowSeconds":true,"recoverySeconds":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":46,"b":49}]},{"name":"threshold","required":true,"transform":{"type":"scalar"},"locs":[{"a":52,"b":62}]},{"name":"windowSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":89,"b":103}]},{"name":"recoverySeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":129,"b":145}]}],"statement":"select * from api.record_account_server_error(:id!, :threshold!,\n  make_interval(secs => :windowSeconds!), make_interval(secs => :recoverySeconds!))"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.record_account_server_error(:id!, :threshold!,
 *   make_interval(secs => :windowSeconds!), make_interval(secs => :recoverySeconds!))
 * ```
 */
export const recordAccountServerError = new PreparedQuery<IRecordAccountServerErrorParams,IRecordAccountServerErrorResult>(recordAccountServerErrorIR);


/** 'MarkAccountBlocked' parameters type */
export interface IMarkAccountBlockedParams {
  id: string;
  message: string;
  reason: string;
}

/** 'MarkAccountBlocked' return type */
export interface IMarkAccountBlockedResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'MarkAccountBlocked' query type */
export interface IMarkAccountBlockedQuery {
  params: IMarkAccountBlockedParams;
  result: IMarkAccountBlockedResult;
}

const markAccountBlockedIR: any = {"usedParamSet":{"id":true,"reason":true,"message":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":39,"b":42}]},{"name":"reason","required":true,"transform":{"type":"scalar"},"locs":[{"a":45,"b":52}]},{"name":"message","required":true,"transform":{"type":"scalar"},"locs":[{"a":55,"b":63}]}],"statement":"select * from api.mark_account_blocked(:id!, :reason!, :message!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.mark_account_blocked(:id!, :reason!, :message!)
 * ```
 */
export const markAccountBlocked = new PreparedQuery<IMarkAccountBlockedParams,IMarkAccountBlockedResult>(markAccountBlockedIR);


/** 'RecordTokenRefresh' parameters type */
export interface IRecordTokenRefreshParams {
  expiresAt: DateOrString;
  id: string;
  keyring: Json;
  subscriptionPlan?: string | null | void;
  tokens: Json;
}

/** 'RecordTokenRefresh' return type */
export interface IRecordTokenRefreshResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'RecordTokenRefresh' query type */
export interface IRecordTokenRefreshQuery {
  params: IRecordTokenRefreshParams;
  result: IRecordTokenRefreshResult;
}

const recordTokenRefreshIR: any = {"usedParamSet":{"id":true,"expiresAt":true,"tokens":true,"keyring":true,"subscriptionPlan":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":39,"b":42}]},{"name":"expiresAt","required":true,"transform":{"type":"scalar"},"locs":[{"a":45,"b":55}]},{"name":"tokens","required":true,"transform":{"type":"scalar"},"locs":[{"a":58,"b":65}]},{"name":"keyring","required":true,"transform":{"type":"scalar"},"locs":[{"a":68,"b":76}]},{"name":"subscriptionPlan","required":false,"transform":{"type":"scalar"},"locs":[{"a":79,"b":95}]}],"statement":"select * from api.record_token_refresh(:id!, :expiresAt!, :tokens!, :keyring!, :subscriptionPlan)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.record_token_refresh(:id!, :expiresAt!, :tokens!, :keyring!, :subscriptionPlan)
 * ```
 */
export const recordTokenRefresh = new PreparedQuery<IRecordTokenRefreshParams,IRecordTokenRefreshResult>(recordTokenRefreshIR);


/** 'RecordTokenRefreshFailure' parameters type */
export interface IRecordTokenRefreshFailureParams {
  id: string;
  message: string;
  retryAfterSeconds: number;
}

/** 'RecordTokenRefreshFailure' return type */
export interface IRecordTokenRefreshFailureResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'RecordTokenRefreshFailure' query type */
export interface IRecordTokenRefreshFailureQuery {
  params: IRecordTokenRefreshFailureParams;
  result: IRecordTokenRefreshFailureResult;
}

const recordTokenRefreshFailureIR: any = {"usedParamSet":{"id":true,"message":true,"retryAfterSeconds":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":47,"b":50}]},{"name":"message","required":true,"transform":{"type":"scalar"},"locs":[{"a":53,"b":61}]},{"name":"retryAfterSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":86,"b":104}]}],"statement":"select * from api.record_token_refresh_failure(:id!, :message!, make_interval(secs => :retryAfterSeconds!))"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.record_token_refresh_failure(:id!, :message!, make_interval(secs => :retryAfterSeconds!))
 * ```
 */
export const recordTokenRefreshFailure = new PreparedQuery<IRecordTokenRefreshFailureParams,IRecordTokenRefreshFailureResult>(recordTokenRefreshFailureIR);


/** 'RecordSessionWindow' parameters type */
export interface IRecordSessionWindowParams {
  id: string;
  status?: string | null | void;
}

/** 'RecordSessionWindow' return type */
export interface IRecordSessionWindowResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'RecordSessionWindow' query type */
export interface IRecordSessionWindowQuery {
  params: IRecordSessionWindowParams;
  result: IRecordSessionWindowResult;
}

const recordSessionWindowIR: any = {"usedParamSet":{"id":true,"status":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":40,"b":43}]},{"name":"status","required":false,"transform":{"type":"scalar"},"locs":[{"a":46,"b":52}]}],"statement":"select * from api.record_session_window(:id!, :status)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.record_session_window(:id!, :status)
 * ```
 */
export const recordSessionWindow = new PreparedQuery<IRecordSessionWindowParams,IRecordSessionWindowResult>(recordSessionWindowIR);


/** 'MarkAccountQuotaExceeded' parameters type */
export interface IMarkAccountQuotaExceededParams {
  id: string;
  timeZone: string;
}

/** 'MarkAccountQuotaExceeded' return type */
export interface IMarkAccountQuotaExceededResult {
  account_type: string | null;
  auto_stop_on_warning: boolean | null;
  blocked_at: Date | null;
  blocked_reason: string | null;
  created_at: Date | null;
  daily_quota: string | null;
  description: string | null;
  error_message: string | null;
  five_hour_stopped_until: Date | null;
  group_ids: stringArray | null;
  id: string | null;
  is_active: boolean | null;
  is_paused: boolean | null;
  kind: string | null;
  last_refresh_at: Date | null;
  last_used_at: Date | null;
  model_mapping: Json | null;
  name: string | null;
  options: Json | null;
  overloaded_until: Date | null;
  platform: string | null;
  priority: number | null;
  proxy: Json | null;
  quota_reset_time: string | null;
  quota_stopped_until: Date | null;
  rate_limit_minutes: number | null;
  rate_limited_until: Date | null;
  refresh_failed_at: Date | null;
  refresh_retry_at: Date | null;
  secrets: Json | null;
  secrets_key_version: number | null;
  session_window_end: Date | null;
  session_window_start: Date | null;
  session_window_status: string | null;
  subscription_plan: string | null;
  temp_error_until: Date | null;
  token_expires_at: Date | null;
  unavailable_reason: string | null;
  updated_at: Date | null;
  version: string | null;
}

/** 'MarkAccountQuotaExceeded' query type */
export interface IMarkAccountQuotaExceededQuery {
  params: IMarkAccountQuotaExceededParams;
  result: IMarkAccountQuotaExceededResult;
}

const markAccountQuotaExceededIR: any = {"usedParamSet":{"id":true,"timeZone":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":46,"b":49}]},{"name":"timeZone","required":true,"transform":{"type":"scalar"},"locs":[{"a":52,"b":61}]}],"statement":"select * from api.mark_account_quota_exceeded(:id!, :timeZone!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.mark_account_quota_exceeded(:id!, :timeZone!)
 * ```
 */
export const markAccountQuotaExceeded = new PreparedQuery<IMarkAccountQuotaExceededParams,IMarkAccountQuotaExceededResult>(markAccountQuotaExceededIR);


/** 'SelectAccount' parameters type */
export interface ISelectAccountParams {
  apiKeyId: string;
  model: string;
  platform: string;
  renewalThresholdSeconds: number;
  sessionHash?: string | null | void;
  stickyTtlSeconds: number;
}

/** 'SelectAccount' return type */
export interface ISelectAccountResult {
  accountId: string;
  accountKind: string;
  accountVersion: string;
  sessionExpiresAt: Date | null;
  sticky: boolean;
  upstreamModel: string;
}

/** 'SelectAccount' query type */
export interface ISelectAccountQuery {
  params: ISelectAccountParams;
  result: ISelectAccountResult;
}

const selectAccountIR: any = {"usedParamSet":{"apiKeyId":true,"platform":true,"model":true,"sessionHash":true,"stickyTtlSeconds":true,"renewalThresholdSeconds":true},"params":[{"name":"apiKeyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":236,"b":245}]},{"name":"platform","required":true,"transform":{"type":"scalar"},"locs":[{"a":248,"b":257}]},{"name":"model","required":true,"transform":{"type":"scalar"},"locs":[{"a":260,"b":266}]},{"name":"sessionHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":269,"b":280}]},{"name":"stickyTtlSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":331,"b":348}]},{"name":"renewalThresholdSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":374,"b":398}]}],"statement":"select account_id as \"accountId!\", account_kind as \"accountKind!\", upstream_model as \"upstreamModel!\",\n       sticky as \"sticky!\", account_version as \"accountVersion!\", session_expires_at as \"sessionExpiresAt\"\n  from api.select_account(:apiKeyId!, :platform!, :model!, :sessionHash,\n                          make_interval(secs => :stickyTtlSeconds!), make_interval(secs => :renewalThresholdSeconds!), true)"};

/**
 * Query generated from SQL:
 * ```
 * select account_id as "accountId!", account_kind as "accountKind!", upstream_model as "upstreamModel!",
 *        sticky as "sticky!", account_version as "accountVersion!", session_expires_at as "sessionExpiresAt"
 *   from api.select_account(:apiKeyId!, :platform!, :model!, :sessionHash,
 *                           make_interval(secs => :stickyTtlSeconds!), make_interval(secs => :renewalThresholdSeconds!), true)
 * ```
 */
export const selectAccount = new PreparedQuery<ISelectAccountParams,ISelectAccountResult>(selectAccountIR);


/** 'SelectAccounts' parameters type */
export interface ISelectAccountsParams {
  apiKeyIds: stringArray;
  models: stringArray;
  platforms: stringArray;
  renewalThresholdSeconds: number;
  sessionHashes: stringArray;
  stickyTtlSeconds: number;
}

/** 'SelectAccounts' return type */
export interface ISelectAccountsResult {
  accountId: string | null;
  accountKind: string | null;
  accountVersion: string | null;
  errorCode: string | null;
  errorColumn: string | null;
  errorDetail: string | null;
  errorMessage: string | null;
  ord: number;
  sessionExpiresAt: Date | null;
  sticky: boolean | null;
  upstreamModel: string | null;
}

/** 'SelectAccounts' query type */
export interface ISelectAccountsQuery {
  params: ISelectAccountsParams;
  result: ISelectAccountsResult;
}

const selectAccountsIR: any = {"usedParamSet":{"apiKeyIds":true,"platforms":true,"models":true,"sessionHashes":true,"stickyTtlSeconds":true,"renewalThresholdSeconds":true},"params":[{"name":"apiKeyIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":364,"b":374}]},{"name":"platforms","required":true,"transform":{"type":"scalar"},"locs":[{"a":377,"b":387}]},{"name":"models","required":true,"transform":{"type":"scalar"},"locs":[{"a":390,"b":397}]},{"name":"sessionHashes","required":true,"transform":{"type":"scalar"},"locs":[{"a":400,"b":414}]},{"name":"stickyTtlSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":466,"b":483}]},{"name":"renewalThresholdSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":509,"b":533}]}],"statement":"select ord as \"ord!\", account_id as \"accountId\", account_kind as \"accountKind\", upstream_model as \"upstreamModel\",\n       sticky, account_version as \"accountVersion\", session_expires_at as \"sessionExpiresAt\",\n       error_code as \"errorCode\", error_message as \"errorMessage\", error_detail as \"errorDetail\", error_column as \"errorColumn\"\n  from api.select_accounts(:apiKeyIds!, :platforms!, :models!, :sessionHashes!,\n                           make_interval(secs => :stickyTtlSeconds!), make_interval(secs => :renewalThresholdSeconds!), true)"};

/**
 * Query generated from SQL:
 * ```
 * select ord as "ord!", account_id as "accountId", account_kind as "accountKind", upstream_model as "upstreamModel",
 *        sticky, account_version as "accountVersion", session_expires_at as "sessionExpiresAt",
 *        error_code as "errorCode", error_message as "errorMessage", error_detail as "errorDetail", error_column as "errorColumn"
 *   from api.select_accounts(:apiKeyIds!, :platforms!, :models!, :sessionHashes!,
 *                            make_interval(secs => :stickyTtlSeconds!), make_interval(secs => :renewalThresholdSeconds!), true)
 * ```
 */
export const selectAccounts = new PreparedQuery<ISelectAccountsParams,ISelectAccountsResult>(selectAccountsIR);


