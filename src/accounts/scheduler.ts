// Account selection for a relayed request: the session hash is derived from
// the body exactly as CRS does (so sessions keep their account across a
// migration), then one database call chooses (api.select_account; concurrent
// selections share an api.select_accounts call), unless the in-process
// SelectionCache remembers the database's decision for the session.
import type pg from 'pg';
import { Batcher, outcomesByPosition, withSingleFallback, type Settled } from '../batcher.js';
import { preparedConnection, type Queryable } from '../db.js';
import { dbError, fromPgError, isDatabaseUnavailable, mapDbErrors } from '../errors.js';
import type { AccountKind, AccountPlatform } from './account.js';
import { selectAccount, selectAccounts, type ISelectAccountResult, type ISelectAccountsResult } from './accounts.queries.js';
import { SelectionCache } from './selection-cache.js';
import { sessionHashOf } from './session-hash.js';

export interface SelectionRequest {
  apiKeyId: string;
  platform: AccountPlatform;
  /** The requested model as sent (a `ccr,` prefix routes to CCR accounts). */
  model: string;
  /** The request body, for the sticky-session hash (CRS's generateSessionHash). */
  body?: unknown;
  /** A session hash computed elsewhere; overrides the body's. */
  sessionHash?: string | null;
}

export interface Selection {
  accountId: string;
  accountKind: AccountKind;
  /** The model name to send upstream (mapping applied, vendor prefix removed). */
  upstreamModel: string;
  /** True when a live sticky mapping chose the account. */
  sticky: boolean;
  /** The account's version at selection (credentials older than this are stale). */
  accountVersion: number;
  sessionHash: string | null;
}

/** A selection as api.select_account (or api.admit_request, which runs it) returns it. */
export function selectionFromRow(
  row: { accountId: string; accountKind: string; upstreamModel: string; sticky: boolean; accountVersion: string },
  sessionHash: string | null,
): Selection {
  return {
    accountId: row.accountId,
    accountKind: row.accountKind as AccountKind,
    upstreamModel: row.upstreamModel,
    sticky: row.sticky,
    accountVersion: Number(row.accountVersion),
    sessionHash,
  };
}

export interface SchedulerOptions {
  stickyTtlSeconds: number;
  renewalThresholdSeconds: number;
  /** Remembered decisions (sessions only); none when absent or disabled. */
  cache?: SelectionCache;
}

/** A selection the in-process memory could not answer. */
interface PendingSelection {
  apiKeyId: string;
  platform: AccountPlatform;
  model: string;
  sessionHash: string | null;
}

/** SQLSTATE of a request api.select_accounts did not let wait for a lock (it is selected again alone). */
const LOCK_NOT_AVAILABLE = '55P03';

/** A request its batch did not let wait for a lock; its caller selects it again alone. */
class Busy extends Error {
  constructor() {
    super('the selection would have waited for a row held by another transaction');
  }
}

/** At most this many selections per api.select_accounts call (its own limit: one subtransaction each). */
const MAX_SELECTIONS_PER_CALL = 32;

/** A row of api.select_accounts: the request's selection, or its refusal as the single call would raise it. */
function selectionOutcome(row: ISelectAccountsResult): Settled<ISelectAccountResult> {
  if (row.errorCode === LOCK_NOT_AVAILABLE) return { ok: false, error: new Busy() };
  if (row.errorCode !== null) {
    const error = fromPgError({ code: row.errorCode, message: row.errorMessage, detail: row.errorDetail, column: row.errorColumn });
    return { ok: false, error: error ?? new Error(row.errorMessage ?? row.errorCode) };
  }
  const { accountId, accountKind, upstreamModel, sticky, accountVersion, sessionExpiresAt } = row;
  if (accountId === null || accountKind === null || upstreamModel === null || sticky === null || accountVersion === null) {
    return { ok: false, error: new Error('api.select_accounts returned a selection without its account') };
  }
  return { ok: true, value: { accountId, accountKind, upstreamModel, sticky, accountVersion, sessionExpiresAt } };
}

export class AccountScheduler {
  private readonly db: Queryable;
  /** Concurrent selections share database calls, at most one per pool connection. */
  private readonly pending: Batcher<PendingSelection, ISelectAccountResult>;

  constructor(
    pool: pg.Pool,
    private readonly options: SchedulerOptions,
  ) {
    this.db = preparedConnection(pool);
    // If a batch fails as a whole (not for want of the database), each request is selected alone.
    const run = withSingleFallback((batch: PendingSelection[]) => this.selectMany(batch), (pending) => this.selectOne(pending), { mapError: dbError, isUnavailable: isDatabaseUnavailable });
    this.pending = new Batcher(run, { maxBatch: MAX_SELECTIONS_PER_CALL, concurrency: pool.options.max ?? 4 });
  }

  async select(request: SelectionRequest): Promise<Readonly<Selection>> {
    const sessionHash = request.sessionHash !== undefined ? request.sessionHash : sessionHashOf(request.body);
    const cache = this.options.cache?.enabled && sessionHash ? this.options.cache : undefined;
    const entryKey = cache ? SelectionCache.entryKey(request.apiKeyId, request.platform, request.model, sessionHash!) : '';
    const remembered = cache?.get(entryKey);
    if (remembered !== undefined) return remembered;
    const epoch = cache?.epoch ?? 0;
    const pending: PendingSelection = { apiKeyId: request.apiKeyId, platform: request.platform, model: request.model, sessionHash };
    const row = await this.pending.load(pending).catch((error: unknown) => {
      // Its batch did not let it wait for a row another transaction holds: alone, it may wait.
      if (error instanceof Busy) return mapDbErrors(() => this.selectOne(pending));
      throw error;
    });
    const selection = selectionFromRow(row, sessionHash);
    cache?.store(entryKey, { ...request, sessionHash: sessionHash! }, selection, row.sessionExpiresAt, epoch);
    return selection;
  }

  /**
   * Selects for a batch in one api.select_accounts call; each request's own
   * refusal (SLNAV, KYNFD, RVINV) comes back in its row, and so does 55P03 for
   * a request that would have waited for a lock (Busy: its caller selects it
   * again alone, without holding up the rest of the batch).
   */
  private async selectMany(batch: PendingSelection[]): Promise<Settled<ISelectAccountResult>[]> {
    const rows = await selectAccounts.run(
      {
        apiKeyIds: batch.map((pending) => pending.apiKeyId),
        platforms: batch.map((pending) => pending.platform),
        models: batch.map((pending) => pending.model),
        // Elements may be null (pgtyped's array types do not say so).
        sessionHashes: batch.map((pending) => pending.sessionHash) as string[],
        stickyTtlSeconds: this.options.stickyTtlSeconds,
        renewalThresholdSeconds: this.options.renewalThresholdSeconds,
      },
      this.db,
    );
    return outcomesByPosition(batch.length, rows, selectionOutcome, 'api.select_accounts');
  }

  private async selectOne(pending: PendingSelection): Promise<ISelectAccountResult> {
    const [row] = await selectAccount.run(
      {
        ...pending,
        stickyTtlSeconds: this.options.stickyTtlSeconds,
        renewalThresholdSeconds: this.options.renewalThresholdSeconds,
      },
      this.db,
    );
    if (row === undefined) throw new Error('api.select_account returned no row');
    return row;
  }
}
