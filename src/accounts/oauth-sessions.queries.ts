/** Types generated for queries found in "src/accounts/oauth-sessions.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** 'CreateOauthSession' parameters type */
export interface ICreateOauthSessionParams {
  codeChallenge?: string | null | void;
  codeVerifier: string;
  details?: Json | null | void;
  flow: string;
  keyring: Json;
  platform: string;
  proxy?: Json | null | void;
  state: string;
  ttlSeconds: number;
}

/** 'CreateOauthSession' return type */
export interface ICreateOauthSessionResult {
  id: string;
}

/** 'CreateOauthSession' query type */
export interface ICreateOauthSessionQuery {
  params: ICreateOauthSessionParams;
  result: ICreateOauthSessionResult;
}

const createOauthSessionIR: any = {"usedParamSet":{"platform":true,"flow":true,"state":true,"codeVerifier":true,"codeChallenge":true,"proxy":true,"details":true,"keyring":true,"ttlSeconds":true},"params":[{"name":"platform","required":true,"transform":{"type":"scalar"},"locs":[{"a":32,"b":41}]},{"name":"flow","required":true,"transform":{"type":"scalar"},"locs":[{"a":44,"b":49}]},{"name":"state","required":true,"transform":{"type":"scalar"},"locs":[{"a":52,"b":58}]},{"name":"codeVerifier","required":true,"transform":{"type":"scalar"},"locs":[{"a":61,"b":74}]},{"name":"codeChallenge","required":false,"transform":{"type":"scalar"},"locs":[{"a":77,"b":90}]},{"name":"proxy","required":false,"transform":{"type":"scalar"},"locs":[{"a":93,"b":98}]},{"name":"details","required":false,"transform":{"type":"scalar"},"locs":[{"a":101,"b":108}]},{"name":"keyring","required":true,"transform":{"type":"scalar"},"locs":[{"a":113,"b":121}]},{"name":"ttlSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":146,"b":157}]}],"statement":"select api.create_oauth_session(:platform!, :flow!, :state!, :codeVerifier!, :codeChallenge, :proxy, :details,\n  :keyring!, make_interval(secs => :ttlSeconds!)) as \"id!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.create_oauth_session(:platform!, :flow!, :state!, :codeVerifier!, :codeChallenge, :proxy, :details,
 *   :keyring!, make_interval(secs => :ttlSeconds!)) as "id!"
 * ```
 */
export const createOauthSession = new PreparedQuery<ICreateOauthSessionParams,ICreateOauthSessionResult>(createOauthSessionIR);


/** 'TakeOauthSession' parameters type */
export interface ITakeOauthSessionParams {
  id: string;
  keyring: Json;
}

/** 'TakeOauthSession' return type */
export interface ITakeOauthSessionResult {
  code_challenge: string | null;
  code_verifier: string | null;
  created_at: Date | null;
  details: Json | null;
  expires_at: Date | null;
  flow: string | null;
  id: string | null;
  platform: string | null;
  proxy: Json | null;
  state: string | null;
}

/** 'TakeOauthSession' query type */
export interface ITakeOauthSessionQuery {
  params: ITakeOauthSessionParams;
  result: ITakeOauthSessionResult;
}

const takeOauthSessionIR: any = {"usedParamSet":{"id":true,"keyring":true},"params":[{"name":"id","required":true,"transform":{"type":"scalar"},"locs":[{"a":37,"b":40}]},{"name":"keyring","required":true,"transform":{"type":"scalar"},"locs":[{"a":43,"b":51}]}],"statement":"select * from api.take_oauth_session(:id!, :keyring!)"};

/**
 * Query generated from SQL:
 * ```
 * select * from api.take_oauth_session(:id!, :keyring!)
 * ```
 */
export const takeOauthSession = new PreparedQuery<ITakeOauthSessionParams,ITakeOauthSessionResult>(takeOauthSessionIR);


