// The decision api.authenticate_api_key returns, in a JSON-safe shape that the
// cache can store as is (dates as ISO strings, money as decimal strings).
import type { RefusalState } from '../errors.js';
import type { IAuthenticateApiKeyResult } from './api-keys.queries.js';

/** What a key holder may see of their own key, and what relay decisions need. */
export interface AuthenticatedKey {
  id: string;
  name: string;
  description: string;
  permissions: string;
  tokenLimit: number;
  concurrencyLimit: number;
  rateLimitWindow: number;
  rateLimitRequests: number;
  rateLimitCost: string;
  dailyCostLimit: string;
  weeklyOpusCostLimit: string;
  claudeAccountId: string | null;
  claudeConsoleAccountId: string | null;
  geminiAccountId: string | null;
  openaiAccountId: string | null;
  azureOpenaiAccountId: string | null;
  bedrockAccountId: string | null;
  enableModelRestriction: boolean;
  restrictedModels: string[];
  enableClientRestriction: boolean;
  allowedClients: string[];
  tags: string[];
  expirationMode: string;
  activationDays: number;
  activatedAt: string | null;
  expiresAt: string | null;
  userId: string | null;
  createdAt: string;
}

export interface AuthDecision {
  refusal: RefusalState | null;
  keyId: string | null;
  authVersion: number;
  /** Epoch ms at which the decision changes by itself (the key's expiry), or null. */
  validUntil: number | null;
  key: AuthenticatedKey | null;
}

/** The fields of AuthenticatedKey; test/auth-decision.test.ts checks SQL produces exactly these. */
export const AUTHENTICATED_KEY_FIELDS = [
  'id', 'name', 'description', 'permissions', 'tokenLimit', 'concurrencyLimit', 'rateLimitWindow',
  'rateLimitRequests', 'rateLimitCost', 'dailyCostLimit', 'weeklyOpusCostLimit', 'claudeAccountId',
  'claudeConsoleAccountId', 'geminiAccountId', 'openaiAccountId', 'azureOpenaiAccountId', 'bedrockAccountId',
  'enableModelRestriction', 'restrictedModels', 'enableClientRestriction', 'allowedClients', 'tags',
  'expirationMode', 'activationDays', 'activatedAt', 'expiresAt', 'userId', 'createdAt',
] as const satisfies readonly (keyof AuthenticatedKey)[];

// Compile-time check that the list above names every field of AuthenticatedKey.
const everyFieldListed: Exclude<keyof AuthenticatedKey, (typeof AUTHENTICATED_KEY_FIELDS)[number]> extends never ? true : never = true;
void everyFieldListed;

export function decisionFromRow(row: IAuthenticateApiKeyResult): AuthDecision {
  const refusal = row.refusal as RefusalState | null;
  if (row.id === null) {
    return { refusal: refusal ?? 'AUUNK', keyId: null, authVersion: 0, validUntil: null, key: null };
  }
  if (row.auth_version === null || row.key === null) throw new Error('api.authenticate_api_key returned a key without its data');
  return {
    refusal,
    keyId: row.id,
    authVersion: Number(row.auth_version),
    validUntil: row.valid_until === null ? null : row.valid_until.getTime(),
    // Built by relaypg.authenticated_key in the shape declared above.
    key: row.key as unknown as AuthenticatedKey,
  };
}

// ---------------------------------------------------------------- the stored form (Redis)
// A decision is read from Redis on every request its instance has not
// remembered, so it is stored positionally: [format, refusal, keyId,
// authVersion, validUntil, expiresAt, key values in AUTHENTICATED_KEY_FIELDS
// order]. A third of the size of the JSON object, and parsed ~3 times faster.

/** Bumped when the positions change; an entry of another format is a miss. */
const STORED_FORMAT = 2;

export interface StoredDecision {
  decision: AuthDecision;
  /** Epoch ms after which the entry must not be used. */
  expiresAt: number;
}

export function encodeStoredDecision(decision: AuthDecision, expiresAt: number): string {
  const { key } = decision;
  const values = key === null ? null : AUTHENTICATED_KEY_FIELDS.map((field) => key[field]);
  return JSON.stringify([STORED_FORMAT, decision.refusal, decision.keyId, decision.authVersion, decision.validUntil, expiresAt, values]);
}

/** The stored decision, or undefined for a value of another format. Throws on text that is not JSON. */
export function decodeStoredDecision(raw: string): StoredDecision | undefined {
  const stored = JSON.parse(raw) as unknown;
  if (!Array.isArray(stored) || stored[0] !== STORED_FORMAT || stored.length !== 7) return undefined;
  const values = stored[6] as unknown[] | null;
  return {
    decision: {
      refusal: stored[1] as RefusalState | null,
      keyId: stored[2] as string | null,
      authVersion: stored[3] as number,
      validUntil: stored[4] as number | null,
      key: values === null ? null : keyFromValues(values),
    },
    expiresAt: stored[5] as number,
  };
}

// An object literal (not a loop over the field names) gives every document one
// shape from the start, which is what makes decoding cheap. The round-trip test
// (test/auth-decision.test.ts) checks these positions against the field list.
function keyFromValues(v: unknown[]): AuthenticatedKey {
  return {
    id: v[0] as string,
    name: v[1] as string,
    description: v[2] as string,
    permissions: v[3] as string,
    tokenLimit: v[4] as number,
    concurrencyLimit: v[5] as number,
    rateLimitWindow: v[6] as number,
    rateLimitRequests: v[7] as number,
    rateLimitCost: v[8] as string,
    dailyCostLimit: v[9] as string,
    weeklyOpusCostLimit: v[10] as string,
    claudeAccountId: v[11] as string | null,
    claudeConsoleAccountId: v[12] as string | null,
    geminiAccountId: v[13] as string | null,
    openaiAccountId: v[14] as string | null,
    azureOpenaiAccountId: v[15] as string | null,
    bedrockAccountId: v[16] as string | null,
    enableModelRestriction: v[17] as boolean,
    restrictedModels: v[18] as string[],
    enableClientRestriction: v[19] as boolean,
    allowedClients: v[20] as string[],
    tags: v[21] as string[],
    expirationMode: v[22] as string,
    activationDays: v[23] as number,
    activatedAt: v[24] as string | null,
    expiresAt: v[25] as string | null,
    userId: v[26] as string | null,
    createdAt: v[27] as string,
  };
}
