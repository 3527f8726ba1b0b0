// The admin view of an upstream account: settings and state, secrets masked
// ('********'), as api.account returns it; camelCase, times as ISO strings.
import type { IGetAccountResult, Json } from './accounts.queries.js';
import { columnReader, iso } from '../rows.js';

export const ACCOUNT_KINDS = [
  'claude-official',
  'claude-console',
  'ccr',
  'bedrock',
  'gemini',
  'openai',
  'openai-responses',
  'azure-openai',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const ACCOUNT_PLATFORMS = ['claude', 'gemini', 'openai', 'azure-openai'] as const;
export type AccountPlatform = (typeof ACCOUNT_PLATFORMS)[number];

export interface Account {
  id: string;
  kind: AccountKind;
  platform: AccountPlatform;
  name: string;
  description: string;
  priority: number;
  isActive: boolean;
  isPaused: boolean;
  accountType: 'shared' | 'dedicated' | 'group';
  modelMapping: Json;
  subscriptionPlan: string | null;
  autoStopOnWarning: boolean;
  rateLimitMinutes: number;
  dailyQuota: string;
  quotaResetTime: string;
  options: Json;
  proxy: Json | null;
  /** Names of the stored secrets, each masked as '********'. */
  secrets: Json;
  secretsKeyVersion: number | null;
  /** Null when the account can be scheduled now; else why not. */
  unavailableReason: string | null;
  rateLimitedUntil: string | null;
  overloadedUntil: string | null;
  tempErrorUntil: string | null;
  blockedReason: string | null;
  blockedAt: string | null;
  errorMessage: string;
  tokenExpiresAt: string | null;
  lastRefreshAt: string | null;
  refreshFailedAt: string | null;
  refreshRetryAt: string | null;
  sessionWindowStart: string | null;
  sessionWindowEnd: string | null;
  sessionWindowStatus: string | null;
  fiveHourStoppedUntil: string | null;
  quotaStoppedUntil: string | null;
  groupIds: string[];
  createdAt: string;
  updatedAt: string;
  lastUsedAt: string | null;
  version: number;
}

/** Every query returning api.account has this generated row type. */
export type AccountRow = IGetAccountResult;

const required = columnReader('api.account');

export function accountFromRow(row: AccountRow): Account {
  return {
    id: required(row.id, 'id'),
    kind: required(row.kind, 'kind') as AccountKind,
    platform: required(row.platform, 'platform') as AccountPlatform,
    name: required(row.name, 'name'),
    description: row.description ?? '',
    priority: required(row.priority, 'priority'),
    isActive: required(row.is_active, 'is_active'),
    isPaused: required(row.is_paused, 'is_paused'),
    accountType: required(row.account_type, 'account_type') as Account['accountType'],
    modelMapping: row.model_mapping ?? {},
    subscriptionPlan: row.subscription_plan,
    autoStopOnWarning: required(row.auto_stop_on_warning, 'auto_stop_on_warning'),
    rateLimitMinutes: required(row.rate_limit_minutes, 'rate_limit_minutes'),
    dailyQuota: required(row.daily_quota, 'daily_quota'),
    quotaResetTime: required(row.quota_reset_time, 'quota_reset_time'),
    options: row.options ?? {},
    proxy: row.proxy,
    secrets: row.secrets ?? {},
    secretsKeyVersion: row.secrets_key_version,
    unavailableReason: row.unavailable_reason,
    rateLimitedUntil: iso(row.rate_limited_until),
    overloadedUntil: iso(row.overloaded_until),
    tempErrorUntil: iso(row.temp_error_until),
    blockedReason: row.blocked_reason,
    blockedAt: iso(row.blocked_at),
    errorMessage: row.error_message ?? '',
    tokenExpiresAt: iso(row.token_expires_at),
    lastRefreshAt: iso(row.last_refresh_at),
    refreshFailedAt: iso(row.refresh_failed_at),
    refreshRetryAt: iso(row.refresh_retry_at),
    sessionWindowStart: iso(row.session_window_start),
    sessionWindowEnd: iso(row.session_window_end),
    sessionWindowStatus: row.session_window_status,
    fiveHourStoppedUntil: iso(row.five_hour_stopped_until),
    quotaStoppedUntil: iso(row.quota_stopped_until),
    groupIds: row.group_ids ?? [],
    createdAt: required(iso(row.created_at), 'created_at'),
    updatedAt: required(iso(row.updated_at), 'updated_at'),
    lastUsedAt: iso(row.last_used_at),
    version: Number(required(row.version, 'version')),
  };
}
