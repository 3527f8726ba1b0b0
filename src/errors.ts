// SQLSTATE -> typed error -> HTTP status. The registry of codes is
// db/error-codes.md; test/error-codes.test.ts keeps this table in sync with it.
// Nothing here reads message text: the decision is made on the SQLSTATE.

export interface ErrorKind {
  /** Stable machine-readable code sent to clients. */
  code: string;
  status: number;
  /** Client-facing message; never includes secrets or SQL. */
  message: string;
}

export const sqlStateErrors = {
  RVINV: { code: 'invalid_input', status: 400, message: 'Invalid input' },
  USNFD: { code: 'user_not_found', status: 404, message: 'User not found' },
  KYNFD: { code: 'api_key_not_found', status: 404, message: 'API key not found' },
  KYDEL: { code: 'api_key_deleted', status: 409, message: 'API key is deleted' },
  KYNDL: { code: 'api_key_not_deleted', status: 409, message: 'API key is not deleted' },
  KYDUP: { code: 'api_key_conflict', status: 409, message: 'API key digest already in use; try again' },
  AUUNK: { code: 'invalid_api_key', status: 401, message: 'Invalid API key' },
  AUDEL: { code: 'api_key_deleted', status: 401, message: 'API key has been deleted' },
  AUDIS: { code: 'api_key_disabled', status: 401, message: 'API key is disabled' },
  AUEXP: { code: 'api_key_expired', status: 401, message: 'API key has expired' },
  AUOWN: { code: 'owner_disabled', status: 401, message: 'The owner of this API key is disabled' },
  AUNPL: { code: 'platform_not_permitted', status: 403, message: 'API key is not permitted on this platform' },
  AUMOD: { code: 'model_restricted', status: 403, message: 'Requested model is not allowed for this API key' },
  AUCLI: { code: 'client_not_allowed', status: 403, message: 'Client is not allowed for this API key' },
  IMBAD: { code: 'import_record_invalid', status: 422, message: 'CRS record cannot be imported' },
  IMCNF: { code: 'import_conflict', status: 409, message: 'Record changed in relaypg since its import' },
  ACNFD: { code: 'account_not_found', status: 404, message: 'Account not found' },
  ACBND: { code: 'account_in_use', status: 409, message: 'API keys are bound to it' },
  ACKEY: { code: 'secret_key_unavailable', status: 500, message: 'Account secrets cannot be decrypted with the configured keys' },
  GRNFD: { code: 'account_group_not_found', status: 404, message: 'Account group not found' },
  GRMBR: { code: 'account_group_platform_mismatch', status: 409, message: 'Account is not of the group\'s platform' },
  SLNAV: { code: 'no_account_available', status: 503, message: 'No upstream account is available' },
  OANFD: { code: 'oauth_session_not_found', status: 404, message: 'OAuth session not found or expired' },
  ADVER: { code: 'api_key_changed', status: 409, message: 'The API key changed while the request was admitted; retry' },
  LMCON: { code: 'concurrency_limit_exceeded', status: 429, message: 'Concurrency limit reached' },
  LMREQ: { code: 'rate_limit_requests_exceeded', status: 429, message: 'Request limit of the rate-limit window reached' },
  LMTOK: { code: 'rate_limit_tokens_exceeded', status: 429, message: 'Token limit of the rate-limit window reached' },
  LMCST: { code: 'rate_limit_cost_exceeded', status: 429, message: 'Cost limit of the rate-limit window reached' },
  LMDAY: { code: 'daily_cost_limit_exceeded', status: 429, message: 'Daily cost limit reached' },
  LMOPS: { code: 'weekly_opus_cost_limit_exceeded', status: 429, message: 'Weekly Opus cost limit reached' },
  LMTOT: { code: 'total_cost_limit_exceeded', status: 429, message: 'Total cost limit reached' },
} as const satisfies Record<string, ErrorKind>;

export type SqlState = keyof typeof sqlStateErrors;
export type RefusalState = 'AUUNK' | 'AUDEL' | 'AUDIS' | 'AUEXP' | 'AUOWN' | 'AUNPL' | 'AUMOD' | 'AUCLI';

/** Errors produced by the service itself, not by SQL. */
export const serviceErrors = {
  malformedKey: { code: 'invalid_api_key', status: 401, message: 'Invalid API key' },
  missingKey: { code: 'missing_api_key', status: 401, message: 'API key required (x-api-key or Authorization: Bearer)' },
  adminUnauthorized: { code: 'unauthorized', status: 401, message: 'Admin token required' },
  badRequest: { code: 'bad_request', status: 400, message: 'Bad request' },
  notFound: { code: 'not_found', status: 404, message: 'Not found' },
  payloadTooLarge: { code: 'payload_too_large', status: 413, message: 'Request body too large' },
  headersTooLarge: { code: 'headers_too_large', status: 431, message: 'Request headers too large' },
  unsupportedMediaType: { code: 'unsupported_media_type', status: 415, message: 'Content-Type must be application/json' },
  unavailable: { code: 'service_unavailable', status: 503, message: 'Service temporarily unavailable' },
  internal: { code: 'internal_error', status: 500, message: 'Internal error' },
} as const satisfies Record<string, ErrorKind>;

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  /** The field at fault, for input errors. */
  readonly field: string | undefined;
  readonly sqlState: string | undefined;

  constructor(kind: ErrorKind, options: { message?: string; field?: string; sqlState?: string; cause?: unknown } = {}) {
    super(options.message ?? kind.message, { cause: options.cause });
    this.name = 'AppError';
    this.code = kind.code;
    this.status = kind.status;
    this.field = options.field;
    this.sqlState = options.sqlState;
  }
}

export function isRegisteredSqlState(code: unknown): code is SqlState {
  return typeof code === 'string' && Object.hasOwn(sqlStateErrors, code);
}

/** A refusal returned by api.authenticate_api_key, as an error. */
export function refusalError(state: RefusalState): AppError {
  return new AppError(sqlStateErrors[state], { sqlState: state });
}

interface PgErrorLike {
  code?: unknown;
  column?: unknown;
  message?: unknown;
  detail?: unknown;
}

/**
 * Maps a PostgreSQL error to an AppError when its SQLSTATE is registered.
 * Our functions write messages for people (no secrets, no SQL), so those are
 * passed on; anything unregistered is left for the caller to treat as internal.
 */
export function fromPgError(error: unknown): AppError | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const { code, column, message, detail } = error as PgErrorLike;
  if (!isRegisteredSqlState(code)) return undefined;
  // A DETAIL says which (keys bound, candidates by reason): part of the answer.
  const text = typeof message === 'string' ? (typeof detail === 'string' && detail !== '' ? `${message}: ${detail}` : message) : undefined;
  return new AppError(sqlStateErrors[code], {
    message: text,
    field: typeof column === 'string' && column !== '' ? column : undefined,
    sqlState: code,
    cause: error,
  });
}

/** Runs a database call, turning registered SQLSTATEs into AppErrors. */
export async function mapDbErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw dbError(error);
  }
}

/** A database error as the service reports it: the registered SQLSTATE's AppError, else the error itself. */
export function dbError(error: unknown): unknown {
  return fromPgError(error) ?? error;
}

/** PostgreSQL unreachable, shutting down or out of connections: retryable, not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return /timeout exceeded when trying to connect|Connection terminated/i.test(error.message);
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300', '3D000'].includes(code) || code.startsWith('08');
}
