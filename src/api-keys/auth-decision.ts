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
