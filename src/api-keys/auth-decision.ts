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

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

function required<T>(value: T | null, column: string): T {
  if (value === null) throw new Error(`api.authenticate_api_key returned null ${column} for a known key`);
  return value;
}

export function decisionFromRow(row: IAuthenticateApiKeyResult): AuthDecision {
  const refusal = row.refusal as RefusalState | null;
  if (row.id === null) {
    return { refusal: refusal ?? 'AUUNK', keyId: null, authVersion: 0, validUntil: null, key: null };
  }
  return {
    refusal,
    keyId: row.id,
    authVersion: Number(required(row.auth_version, 'auth_version')),
    validUntil: row.valid_until === null ? null : row.valid_until.getTime(),
    key: {
      id: row.id,
      name: required(row.name, 'name'),
      description: required(row.description, 'description'),
      permissions: required(row.permissions, 'permissions'),
      tokenLimit: Number(required(row.token_limit, 'token_limit')),
      concurrencyLimit: required(row.concurrency_limit, 'concurrency_limit'),
      rateLimitWindow: required(row.rate_limit_window, 'rate_limit_window'),
      rateLimitRequests: required(row.rate_limit_requests, 'rate_limit_requests'),
      rateLimitCost: required(row.rate_limit_cost, 'rate_limit_cost'),
      dailyCostLimit: required(row.daily_cost_limit, 'daily_cost_limit'),
      weeklyOpusCostLimit: required(row.weekly_opus_cost_limit, 'weekly_opus_cost_limit'),
      claudeAccountId: row.claude_account_id,
      claudeConsoleAccountId: row.claude_console_account_id,
      geminiAccountId: row.gemini_account_id,
      openaiAccountId: row.openai_account_id,
      azureOpenaiAccountId: row.azure_openai_account_id,
      bedrockAccountId: row.bedrock_account_id,
      enableModelRestriction: required(row.enable_model_restriction, 'enable_model_restriction'),
      restrictedModels: required(row.restricted_models, 'restricted_models'),
      enableClientRestriction: required(row.enable_client_restriction, 'enable_client_restriction'),
      allowedClients: required(row.allowed_clients, 'allowed_clients'),
      tags: required(row.tags, 'tags'),
      expirationMode: required(row.expiration_mode, 'expiration_mode'),
      activationDays: required(row.activation_days, 'activation_days'),
      activatedAt: iso(row.activated_at),
      expiresAt: iso(row.expires_at),
      userId: row.owner_user_id,
      createdAt: required(row.created_at, 'created_at').toISOString(),
    },
  };
}
