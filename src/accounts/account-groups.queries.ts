/** Types generated for queries found in "src/accounts/account-groups.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type stringArray = (string)[];

/** 'CreateAccountGroup' parameters type */
export interface ICreateAccountGroupParams {
  settings: Json;
}

/** 'CreateAccountGroup' return type */
export interface ICreateAccountGroupResult {
  created_at: Date | null;
  description: string | null;
  id: string | null;
  member_ids: stringArray | null;
  name: string | null;
  platform: string | null;
  updated_at: Date | null;
}

/** 'CreateAccountGroup' query type */
export interface ICreateAccountGroupQuery {
  params: ICreateAccountGroupParams;
  result: ICreateAccountGroupResult;
}

const createAccountGroupIR: any = {"usedParamSet":{"settings":true},"params":[{"name":"settings","required":true,"transform":{"type":"scalar"},"locs":[{"a":39,"b":48}]}],"statement":"select * from api.create_account_group(:settings!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.create_account_group(:settings!)
 * ```
 */
export const createAccountGroup = new PreparedQuery<ICreateAccountGroupParams,ICreateAccountGroupResult>(createAccountGroupIR);


/** 'GetAccountGroup' parameters type */
export interface IGetAccountGroupParams {
  id: string;
}

/** 'GetAccountGroup' return type */
export interface IGetAccountGroupResult {
  created_at: Date | null;
  description: string | null;
  id: string | null;
  member_ids: stringArray | null;
  name: string | null;
  platform: string | null;
  updated_at: Date | null;
}

/** 'GetAccountGroup' query type */
export interface IGetAccountGroupQuery {
  params: IGetAccountGroupParams;
  result: IGetAccountGroupResult;
}

const getAccountGroupIR: any = {"usedParamSet":{"id":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":36,"b":39}]}],"statement":"select * from api.get_account_group(:id!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.get_account_group(:id!)
 * ```
 */
export const getAccountGroup = new PreparedQuery<IGetAccountGroupParams,IGetAccountGroupResult>(getAccountGroupIR);


/** 'ListAccountGroups' parameters type */
export interface IListAccountGroupsParams {
  platform?: string | null | void;
}

/** 'ListAccountGroups' return type */
export interface IListAccountGroupsResult {
  created_at: Date | null;
  description: string | null;
  id: string | null;
  member_ids: stringArray | null;
  name: string | null;
  platform: string | null;
  updated_at: Date | null;
}

/** 'ListAccountGroups' query type */
export interface IListAccountGroupsQuery {
  params: IListAccountGroupsParams;
  result: IListAccountGroupsResult;
}

const listAccountGroupsIR: any = {"usedParamSet":{"platform":true},"params":[{"name":"platform","required":false,"transform":{"type":"scalar"},"locs":[{"a":38,"b":46}]}],"statement":"select * from api.list_account_groups(:platform)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.list_account_groups(:platform)
 * ```
 */
export const listAccountGroups = new PreparedQuery<IListAccountGroupsParams,IListAccountGroupsResult>(listAccountGroupsIR);


/** 'UpdateAccountGroup' parameters type */
export interface IUpdateAccountGroupParams {
  changes: Json;
  id: string;
}

/** 'UpdateAccountGroup' return type */
export interface IUpdateAccountGroupResult {
  created_at: Date | null;
  description: string | null;
  id: string | null;
  member_ids: stringArray | null;
  name: string | null;
  platform: string | null;
  updated_at: Date | null;
}

/** 'UpdateAccountGroup' query type */
export interface IUpdateAccountGroupQuery {
  params: IUpdateAccountGroupParams;
  result: IUpdateAccountGroupResult;
}

const updateAccountGroupIR: any = {"usedParamSet":{"id":true,"changes":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":39,"b":42}]},{"name":"changes","required":true,"transform":{"type":"scalar"},"locs":[{"a":45,"b":53}]}],"statement":"select * from api.update_account_group(:id!, :changes!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.update_account_group(:id!, :changes!)
 * ```
 */
export const updateAccountGroup = new PreparedQuery<IUpdateAccountGroupParams,IUpdateAccountGroupResult>(updateAccountGroupIR);


/** 'DeleteAccountGroup' parameters type */
export interface IDeleteAccountGroupParams {
  id: string;
  unbindKeys: boolean;
}

/** 'DeleteAccountGroup' return type */
export interface IDeleteAccountGroupResult {
  unboundKeys: number;
}

/** 'DeleteAccountGroup' query type */
export interface IDeleteAccountGroupQuery {
  params: IDeleteAccountGroupParams;
  result: IDeleteAccountGroupResult;
}

const deleteAccountGroupIR: any = {"usedParamSet":{"id":true,"unbindKeys":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":32,"b":35}]},{"name":"unbindKeys","required":true,"transform":{"type":"scalar"},"locs":[{"a":38,"b":49}]}],"statement":"select api.delete_account_group(:id!, :unbindKeys!) as \"unboundKeys!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.delete_account_group(:id!, :unbindKeys!) as "unboundKeys!"
 * ```
 */
export const deleteAccountGroup = new PreparedQuery<IDeleteAccountGroupParams,IDeleteAccountGroupResult>(deleteAccountGroupIR);


/** 'SetAccountGroupMembers' parameters type */
export interface ISetAccountGroupMembersParams {
  accountIds: stringArray;
  id: string;
}

/** 'SetAccountGroupMembers' return type */
export interface ISetAccountGroupMembersResult {
  created_at: Date | null;
  description: string | null;
  id: string | null;
  member_ids: stringArray | null;
  name: string | null;
  platform: string | null;
  updated_at: Date | null;
}

/** 'SetAccountGroupMembers' query type */
export interface ISetAccountGroupMembersQuery {
  params: ISetAccountGroupMembersParams;
  result: ISetAccountGroupMembersResult;
}

const setAccountGroupMembersIR: any = {"usedParamSet":{"id":true,"accountIds":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":44,"b":47}]},{"name":"accountIds","required":true,"transform":{"type":"scalar"},"locs":[{"a":50,"b":61}]}],"statement":"select * from api.set_account_group_members(:id!, :accountIds!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.set_account_group_members(:id!, :accountIds!)
 * ```
 */
export const setAccountGroupMembers = new PreparedQuery<ISetAccountGroupMembersParams,ISetAccountGroupMembersResult>(setAccountGroupMembersIR);


