/** Types generated for queries found in "src/users/users.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

/** 'SetUserActive' parameters type */
export interface ISetUserActiveParams {
  isActive: boolean;
  userId: string;
}

/** 'SetUserActive' return type */
export interface ISetUserActiveResult {
  isActive: boolean;
}

/** 'SetUserActive' query type */
export interface ISetUserActiveQuery {
  params: ISetUserActiveParams;
  result: ISetUserActiveResult;
}

const setUserActiveIR: any = {"usedParamSet":{"userId":true,"isActive":true},"params":[{"name":"userId","required":true,"transform":{"type":"scalar"},"locs":[{"a":27,"b":34}]},{"name":"isActive","required":true,"transform":{"type":"scalar"},"locs":[{"a":37,"b":46}]}],"statement":"select api.set_user_active(:userId!, :isActive!) as \"isActive!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.set_user_active(:userId!, :isActive!) as "isActive!"
 * ```
 */
export const setUserActive = new PreparedQuery<ISetUserActiveParams,ISetUserActiveResult>(setUserActiveIR);


