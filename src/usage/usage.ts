// Usage: recording relayed requests (api.record_usage, one round trip per
// request or per batch, idempotent on the request id) and reading statistics.
// The database prices each request and keeps every figure; this module
// validates shapes, sends events as one JSON array and maps rows.
import type pg from 'pg';
import { z } from 'zod';
import { ACCOUNT_KINDS } from '../accounts/account.js';
import { storableText } from '../api-keys/api-key-settings.js';
import { preparedConnection, type Queryable } from '../db.js';
import { AppError, mapDbErrors, serviceErrors } from '../errors.js';
import {
  dashboardCounts,
  keyUsage,
  listPartitionPolicies,
  maintainPartitions,
  recentUsage,
  recordUsage,
  rollUpUsage,
  setPartitionRetention,
  setUsageTimeZone,
  usageAverages,
  usageByModel,
  usageTotals,
  type IKeyUsageResult,
  type IUsageTotalsResult,
} from './usage.queries.js';

/** At most 10^12 tokens of a class per request: far above any model's, and 5000 of them cannot overflow a bigint sum. */
const tokens = z.number().int().min(0).max(1_000_000_000_000);

/** One relayed request, as the relay reports it. */
export const usageEventSchema = z.strictObject({
  requestId: storableText().min(1).max(128),
  occurredAt: z.date().optional(),
  apiKeyId: z.uuid().transform((id) => id.toLowerCase()),
  accountId: z.uuid().transform((id) => id.toLowerCase()).nullish(),
  accountKind: z.enum(ACCOUNT_KINDS).nullish(),
  /** The model as sent upstream (after `ccr,` is stripped); statistics use CRS's normalised name. */
  model: storableText().min(1).max(200),
  inputTokens: tokens.default(0),
  outputTokens: tokens.default(0),
  /** All cache writes. */
  cacheCreationTokens: tokens.default(0),
  /** The 5-minute / 1-hour split of the cache writes, when the upstream reported it. */
  cacheSplit: z.strictObject({ fiveMinutes: tokens, oneHour: tokens }).nullish(),
  cacheReadTokens: tokens.default(0),
  stream: z.boolean().nullish(),
  status: z.number().int().min(100).max(599).optional(),
  durationMs: z.number().int().min(0).max(2_147_483_647).nullish(),
  /** CRS's cost rules: 'details' (streaming Claude, pricingService) or 'plain' (CostCalculator). */
  costPath: z.enum(['details', 'plain']).optional(),
});
export type UsageEvent = z.input<typeof usageEventSchema>;

export interface RecordResult {
  requestId: string;
  /** False when the request id had been recorded before (nothing was counted). */
  recorded: boolean;
  occurredAt: Date;
  /** USD as a decimal string; null for a request recorded before. */
  cost: string | null;
}

/** A key's figures of one period (token counts and USD as decimal strings: exact bigint/numeric). */
export type KeyFigures = Omit<IKeyUsageResult, 'period'>;
/** A key's, an account's or the service's figures of one period, from the rollups. */
export type ScopeFigures = Omit<IUsageTotalsResult, 'period'>;

export type KeyUsage = Record<'total' | 'today' | 'week' | 'month', KeyFigures>;
export type ScopeUsage = Record<'total' | 'today' | 'month', ScopeFigures>;

export type UsageScope = 'key' | 'account' | 'all';
export type UsageGrain = 'hour' | 'day' | 'month';

/** Most events one call sends (the database refuses more than 5000). */
export const MAX_BATCH = 5000;

function invalid(issue: z.core.$ZodIssue, index: number | null): AppError {
  const field = [index === null ? null : `events[${index}]`, ...issue.path.map(String)].filter((part) => part !== null).join('.');
  return new AppError(serviceErrors.badRequest, { message: `${field || 'event'}: ${issue.message}`, field: field || undefined });
}

/** The database's JSON shape of an event. */
function toDbEvent(event: z.output<typeof usageEventSchema>) {
  return {
    requestId: event.requestId,
    occurredAt: event.occurredAt?.toISOString(),
    apiKeyId: event.apiKeyId,
    accountId: event.accountId ?? null,
    accountKind: event.accountKind ?? null,
    model: event.model,
    inputTokens: event.inputTokens,
    outputTokens: event.outputTokens,
    cacheCreationTokens: event.cacheCreationTokens,
    cacheCreation5mTokens: event.cacheSplit?.fiveMinutes ?? null,
    cacheCreation1hTokens: event.cacheSplit?.oneHour ?? null,
    cacheReadTokens: event.cacheReadTokens,
    stream: event.stream ?? null,
    status: event.status ?? null,
    durationMs: event.durationMs ?? null,
    costPath: event.costPath ?? null,
  };
}

/** An event as the database takes it (validated; JSON-ready). */
export type PreparedUsageEvent = ReturnType<typeof toDbEvent>;

/**
 * Validates one event and shapes it for the database; throws a bad_request
 * AppError naming the field (`events[index].field` when index is given).
 */
export function prepareUsageEvent(event: UsageEvent, index: number | null = null): PreparedUsageEvent {
  const parsed = usageEventSchema.safeParse(event);
  if (!parsed.success) throw invalid(parsed.error.issues[0]!, index);
  const split = parsed.data.cacheSplit;
  if (split && split.fiveMinutes + split.oneHour > parsed.data.cacheCreationTokens) {
    // The split is part of the cache writes: the total covers it.
    parsed.data.cacheCreationTokens = split.fiveMinutes + split.oneHour;
  }
  return toDbEvent(parsed.data);
}

function byPeriod<Row extends { period: string }, Period extends string>(rows: Row[], periods: readonly Period[]): Record<Period, Omit<Row, 'period'>> {
  const result = {} as Record<Period, Omit<Row, 'period'>>;
  for (const period of periods) {
    const row = rows.find((candidate) => candidate.period === period);
    if (!row) throw new Error(`the database returned no ${period} figures`);
    const { period: _period, ...figures } = row;
    result[period] = figures;
  }
  return result;
}

export class UsageService {
  private readonly db: Queryable;

  constructor(pool: pg.Pool) {
    this.db = preparedConnection(pool);
  }

  /** Records one request (one round trip). Retrying the same request id is a no-op. */
  async record(event: UsageEvent): Promise<RecordResult> {
    const [result] = await this.recordBatch([event]);
    return result!;
  }

  /**
   * Records many requests in one round trip (at most MAX_BATCH). One result
   * per request id, in input order; a repeated id counts once.
   */
  async recordBatch(events: UsageEvent[]): Promise<RecordResult[]> {
    if (events.length === 0) return [];
    if (events.length > MAX_BATCH) {
      throw new AppError(serviceErrors.badRequest, { message: `events: at most ${MAX_BATCH} per call`, field: 'events' });
    }
    return this.send(events.map((event, index) => prepareUsageEvent(event, events.length === 1 ? null : index)));
  }

  /** Sends events made by prepareUsageEvent in one call (at most MAX_BATCH). */
  async send(prepared: PreparedUsageEvent[]): Promise<RecordResult[]> {
    return mapDbErrors(() => recordUsage.run({ events: JSON.stringify(prepared) }, this.db));
  }

  /** A key's exact figures (its ledger): lifetime, today, this ISO week and this month at `at`. */
  async keyUsage(keyId: string, at: Date = new Date()): Promise<KeyUsage> {
    const rows = await mapDbErrors(() => keyUsage.run({ keyId, at }, this.db));
    return byPeriod(rows, ['total', 'today', 'week', 'month'] as const);
  }

  /** A scope's figures from the rollups (as of the last roll-up): lifetime, today and this month. */
  async totals(scope: UsageScope, scopeId: string, at: Date = new Date()): Promise<ScopeUsage> {
    const rows = await mapDbErrors(() => usageTotals.run({ scope, scopeId, at }, this.db));
    return byPeriod(rows, ['total', 'today', 'month'] as const);
  }

  /** Per model and bucket over local days `from`..`to` (YYYY-MM-DD), from the rollups. */
  async byModel(scope: UsageScope, scopeId: string, grain: UsageGrain, from: string, to: string) {
    return mapDbErrors(() => usageByModel.run({ scope, scopeId, grain, from, to }, this.db));
  }

  /** Requests and core tokens per minute and per day over the scope's life (CRS's averages, with the right created-at). */
  async averages(scope: UsageScope, scopeId: string, at: Date = new Date()) {
    const [row] = await mapDbErrors(() => usageAverages.run({ scope, scopeId, at }, this.db));
    return row!;
  }

  /** Keys (total, active, created today) and accounts of each kind by state, at `at`. */
  async counts(at: Date = new Date()) {
    const rows = await mapDbErrors(() => dashboardCounts.run({ at }, this.db));
    const keys = rows.find((row) => row.subject === 'api_keys')!;
    return {
      apiKeys: { total: keys.total, active: keys.active, createdToday: keys.createdToday ?? '0' },
      accountsByKind: Object.fromEntries(
        rows
          .filter((row) => row.subject !== 'api_keys')
          .map((row) => [row.subject, { total: row.total, active: row.active, available: row.available, paused: row.paused, rateLimited: row.rateLimited, otherUnavailable: row.otherUnavailable }]),
      ),
    };
  }

  /** The last `minutes` of traffic, exact (from the events). */
  async recent(minutes = 5, at: Date = new Date()) {
    const [row] = await mapDbErrors(() => recentUsage.run({ minutes, at }, this.db));
    return row!;
  }

  /** Sets the zone of usage days, weeks and months; returns the previous one. */
  async setTimeZone(timeZone: string): Promise<string> {
    const [row] = await mapDbErrors(() => setUsageTimeZone.run({ timeZone }, this.db));
    return row!.previous;
  }

  /** Adds what was recorded since the last run to the rollups (api.run_maintenance does it too). */
  async rollUp(): Promise<{ ran: boolean; events: number }> {
    const [row] = await mapDbErrors(() => rollUpUsage.run(undefined, this.db));
    return { ran: row!.ran, events: Number(row!.events) };
  }

  /** Creates partitions ahead (from `from`, for history) and drops those past retention. */
  async maintainPartitions(now: Date = new Date(), from: Date | null = null) {
    return mapDbErrors(() => maintainPartitions.run({ now, from }, this.db));
  }

  async partitionPolicies() {
    return mapDbErrors(() => listPartitionPolicies.run(undefined, this.db));
  }

  /** `retention` as a PostgreSQL interval ('90 days'); null keeps every partition. */
  async setRetention(tableName: string, retention: string | null): Promise<void> {
    await mapDbErrors(() => setPartitionRetention.run({ tableName, retention }, this.db));
  }
}
