/** Types generated for queries found in "src/usage/admission.sql" */
import { PreparedQuery } from '@pgtyped/runtime';

export type NumberOrString = number | string;

/** 'AdmitRequest' parameters type */
export interface IAdmitRequestParams {
  apiKeyId: string;
  asynchronousCommit: boolean;
  authVersion: NumberOrString;
  leaseTtlSeconds: number;
  model: string;
  platform: string;
  renewalThresholdSeconds: number;
  requestId: string;
  select: boolean;
  sessionHash?: string | null | void;
  stickyTtlSeconds: number;
}

/** 'AdmitRequest' return type */
export interface IAdmitRequestResult {
  accountId: string | null;
  accountKind: string | null;
  accountVersion: string | null;
  leaseExpiresAt: Date | null;
  sessionExpiresAt: Date | null;
  sticky: boolean | null;
  upstreamModel: string | null;
}

/** 'AdmitRequest' query type */
export interface IAdmitRequestQuery {
  params: IAdmitRequestParams;
  result: IAdmitRequestResult;
}

const admitRequestIR: any = {"usedParamSet":{"apiKeyId":true,"authVersion":true,"requestId":true,"platform":true,"model":true,"sessionHash":true,"select":true,"leaseTtlSeconds":true,"stickyTtlSeconds":true,"renewalThresholdSeconds":true,"asynchronousCommit":true},"params":[{"name":"apiKeyId","required":true,"transform":{"type":"scalar"},"locs":[{"a":256,"b":265}]},{"name":"authVersion","required":true,"transform":{"type":"scalar"},"locs":[{"a":268,"b":280}]},{"name":"requestId","required":true,"transform":{"type":"scalar"},"locs":[{"a":283,"b":293}]},{"name":"platform","required":true,"transform":{"type":"scalar"},"locs":[{"a":296,"b":305}]},{"name":"model","required":true,"transform":{"type":"scalar"},"locs":[{"a":308,"b":314}]},{"name":"sessionHash","required":false,"transform":{"type":"scalar"},"locs":[{"a":317,"b":328}]},{"name":"select","required":true,"transform":{"type":"scalar"},"locs":[{"a":331,"b":338}]},{"name":"leaseTtlSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":388,"b":404}]},{"name":"stickyTtlSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":473,"b":490}]},{"name":"renewalThresholdSeconds","required":true,"transform":{"type":"scalar"},"locs":[{"a":559,"b":583}]},{"name":"asynchronousCommit","required":true,"transform":{"type":"scalar"},"locs":[{"a":605,"b":624}]}],"statement":"select account_id as \"accountId\", account_kind as \"accountKind\", upstream_model as \"upstreamModel\", sticky,\n       account_version as \"accountVersion\", session_expires_at as \"sessionExpiresAt\", lease_expires_at as \"leaseExpiresAt\"\n  from api.admit_request(:apiKeyId!, :authVersion!, :requestId!, :platform!, :model!, :sessionHash, :select!,\n                         make_interval(secs => :leaseTtlSeconds!::double precision),\n                         make_interval(secs => :stickyTtlSeconds!::double precision),\n                         make_interval(secs => :renewalThresholdSeconds!::double precision), :asynchronousCommit!)"};

/**
 * Query generated from SQL:
 * ```
 * select account_id as "accountId", account_kind as "accountKind", upstream_model as "upstreamModel", sticky,
 *        account_version as "accountVersion", session_expires_at as "sessionExpiresAt", lease_expires_at as "leaseExpiresAt"
 *   from api.admit_request(:apiKeyId!, :authVersion!, :requestId!, :platform!, :model!, :sessionHash, :select!,
 *                          make_interval(secs => :leaseTtlSeconds!::double precision),
 *                          make_interval(secs => :stickyTtlSeconds!::double precision),
 *                          make_interval(secs => :renewalThresholdSeconds!::double precision), :asynchronousCommit!)
 * ```
 */
export const admitRequest = new PreparedQuery<IAdmitRequestParams,IAdmitRequestResult>(admitRequestIR);


/** 'ReleaseLease' parameters type */
export interface IReleaseLeaseParams {
  requestId: string;
}

/** 'ReleaseLease' return type */
export interface IReleaseLeaseResult {
  released: boolean;
}

/** 'ReleaseLease' query type */
export interface IReleaseLeaseQuery {
  params: IReleaseLeaseParams;
  result: IReleaseLeaseResult;
}

const releaseLeaseIR: any = {"usedParamSet":{"requestId":true},"params":[{"name":"requestId","required":true,"transform":{"type":"scalar"},"locs":[{"a":25,"b":35}]}],"statement":"select api.release_lease(:requestId!) as \"released!\""};

/**
 * Query generated from SQL:
 * ```
 * select api.release_lease(:requestId!) as "released!"
 * ```
 */
export const releaseLease = new PreparedQuery<IReleaseLeaseParams,IReleaseLeaseResult>(releaseLeaseIR);


