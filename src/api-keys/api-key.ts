// The admin view of a key: every stored field except the digest, in the admin
// API's shape (CRS's field names; money as decimal strings, times as ISO).
import type { Json } from './api-keys.queries.js';
import type { IGetApiKeyResult } from './api-keys.queries.js';
import { columnReader, iso } from '../rows.js';

export interface ApiKey {
  id: string;
  name: string;
  description: string;
  digestScheme: string;
  permissions: string;
  isActive: boolean;
  tokenLimit: number;
  concurrencyLimit: number;
  rateLimitWindow: number;
  rateLimitRequests: number;
  rateLimitCost: string;
  dailyCostLimit: string;
  weeklyOpusCostLimit: string;
  /** Lifetime cost limit (CRS's newer totalCostLimit); '0' = off. */
  totalCostLimit: string;
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
  isActivated: boolean;
  activatedAt: string | null;
  expiresAt: string | null;
  userId: string | null;
  userUsername: string | null;
  icon: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  lastUsedAt: string | null;
  isDeleted: boolean;
  deletedAt: string | null;
  deletedBy: string | null;
  deletedByType: string | null;
  restoredAt: string | null;
  restoredBy: string | null;
  restoredByType: string | null;
  /** Bumped by every change that can alter an authentication decision. */
  authVersion: number;
  crsExtra: Json;
}

// Every query returning api.api_key has this generated row type (the columns
// of a composite type come back nullable; NOT NULL ones are checked here).
export type ApiKeyRow = IGetApiKeyResult;

const required = columnReader('api.api_key');

export function apiKeyFromRow(row: ApiKeyRow): ApiKey {
  return {
    id: required(row.id, 'id'),
    name: required(row.name, 'name'),
    description: required(row.description, 'description'),
    digestScheme: required(row.digest_scheme, 'digest_scheme'),
    permissions: required(row.permissions, 'permissions'),
    isActive: required(row.is_active, 'is_active'),
    tokenLimit: Number(required(row.token_limit, 'token_limit')),
    concurrencyLimit: required(row.concurrency_limit, 'concurrency_limit'),
    rateLimitWindow: required(row.rate_limit_window, 'rate_limit_window'),
    rateLimitRequests: required(row.rate_limit_requests, 'rate_limit_requests'),
    rateLimitCost: required(row.rate_limit_cost, 'rate_limit_cost'),
    dailyCostLimit: required(row.daily_cost_limit, 'daily_cost_limit'),
    weeklyOpusCostLimit: required(row.weekly_opus_cost_limit, 'weekly_opus_cost_limit'),
    totalCostLimit: row.total_cost_limit ?? '0',
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
    isActivated: required(row.is_activated, 'is_activated'),
    activatedAt: iso(row.activated_at),
    expiresAt: iso(row.expires_at),
    userId: row.owner_user_id,
    userUsername: row.owner_username,
    icon: required(row.icon, 'icon'),
    createdBy: required(row.created_by, 'created_by'),
    createdAt: required(row.created_at, 'created_at').toISOString(),
    updatedAt: required(row.updated_at, 'updated_at').toISOString(),
    lastUsedAt: iso(row.last_used_at),
    isDeleted: row.deleted_at !== null,
    deletedAt: iso(row.deleted_at),
    deletedBy: row.deleted_by,
    deletedByType: row.deleted_by_type,
    restoredAt: iso(row.restored_at),
    restoredBy: row.restored_by,
    restoredByType: row.restored_by_type,
    authVersion: Number(required(row.auth_version, 'auth_version')),
    crsExtra: required(row.crs_extra, 'crs_extra'),
  };
}
