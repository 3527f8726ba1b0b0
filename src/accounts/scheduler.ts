// Account selection for a relayed request: the session hash is derived from
// the body exactly as CRS does (so sessions keep their account across a
// migration), then one database call chooses (api.select_account), unless the
// in-process SelectionCache remembers the database's decision for the session.
import type pg from 'pg';
import { preparedConnection, type Queryable } from '../db.js';
import { mapDbErrors } from '../errors.js';
import type { AccountKind, AccountPlatform } from './account.js';
import { selectAccount } from './accounts.queries.js';
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

export class AccountScheduler {
  private readonly db: Queryable;

  constructor(
    pool: pg.Pool,
    private readonly options: SchedulerOptions,
  ) {
    this.db = preparedConnection(pool);
  }

  async select(request: SelectionRequest): Promise<Readonly<Selection>> {
    const sessionHash = request.sessionHash !== undefined ? request.sessionHash : sessionHashOf(request.body);
    const cache = this.options.cache?.enabled && sessionHash ? this.options.cache : undefined;
    const entryKey = cache ? SelectionCache.entryKey(request.apiKeyId, request.platform, request.model, sessionHash!) : '';
    const remembered = cache?.get(entryKey);
    if (remembered !== undefined) return remembered;
    const epoch = cache?.epoch ?? 0;
    const [row] = await mapDbErrors(() =>
      selectAccount.run(
        {
          apiKeyId: request.apiKeyId,
          platform: request.platform,
          model: request.model,
          sessionHash,
          stickyTtlSeconds: this.options.stickyTtlSeconds,
          renewalThresholdSeconds: this.options.renewalThresholdSeconds,
        },
        this.db,
      ),
    );
    const selection = selectionFromRow(row!, sessionHash);
    cache?.store(entryKey, { ...request, sessionHash: sessionHash! }, selection, row!.sessionExpiresAt, epoch);
    return selection;
  }
}
