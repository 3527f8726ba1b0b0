// Admission of a relayed request, the first of its two database round trips
// (the second is recording, src/usage/usage.ts): the key is authenticated
// (usually from the cache), then one call to api.admit_request checks the
// limits that read exact counters, takes the concurrency lease and selects
// the account. Nothing here decides: a refusal is the database's SQLSTATE.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { AccountPlatform } from '../accounts/account.js';
import { selectionFromRow, type Selection } from '../accounts/scheduler.js';
import { sessionHashOf } from '../accounts/session-hash.js';
import type { ApiKeyService } from '../api-keys/api-keys.js';
import type { AuthenticatedKey } from '../api-keys/auth-decision.js';
import { preparedConnection, type Queryable } from '../db.js';
import { AppError, mapDbErrors } from '../errors.js';
import { admitRequest, releaseLease } from './admission.queries.js';

export interface AdmissionRequest {
  /** The key as presented (x-api-key or Authorization: Bearer). */
  presentedKey: string | undefined;
  userAgent: string | null;
  platform: AccountPlatform;
  /** The requested model as sent (a `ccr,` prefix routes to CCR accounts). */
  model: string;
  /** The id the request will be recorded under (default: a new UUID). */
  requestId?: string;
  /** The request body, for CRS's sticky-session hash. */
  body?: unknown;
  /** A session hash computed elsewhere; overrides the body's. */
  sessionHash?: string | null;
}

export interface Admission {
  requestId: string;
  key: AuthenticatedKey;
  selection: Selection;
  /** When the concurrency lease ends by itself (null: the key has no concurrency limit). */
  leaseExpiresAt: Date | null;
}

export interface AdmissionOptions {
  apiKeys: ApiKeyService;
  stickyTtlSeconds: number;
  renewalThresholdSeconds: number;
  /** How long a lease outlives a holder that never records nor releases. */
  leaseTtlSeconds: number;
}

export class AdmissionService {
  private readonly db: Queryable;

  /** `pool`: the selection pool (its calls commit asynchronously: what they write is bookkeeping a crash may lose). */
  constructor(
    pool: pg.Pool,
    private readonly options: AdmissionOptions,
  ) {
    this.db = preparedConnection(pool);
  }

  async admit(request: AdmissionRequest): Promise<Admission> {
    const requestId = request.requestId ?? randomUUID();
    const sessionHash = request.sessionHash !== undefined ? request.sessionHash : sessionHashOf(request.body);
    // Azure OpenAI is served under the key's openai permission (CRS's routes).
    const context = { platform: request.platform === 'azure-openai' ? 'openai' : request.platform, model: request.model, userAgent: request.userAgent } as const;
    let authenticated = await this.options.apiKeys.authenticateForAdmission(request.presentedKey, context);
    for (let attempt = 0; ; attempt++) {
      try {
        const [row] = await mapDbErrors(() =>
          admitRequest.run(
            {
              apiKeyId: authenticated.key.id,
              authVersion: authenticated.authVersion,
              requestId,
              platform: request.platform,
              model: request.model,
              sessionHash,
              select: true,
              leaseTtlSeconds: this.options.leaseTtlSeconds,
              stickyTtlSeconds: this.options.stickyTtlSeconds,
              renewalThresholdSeconds: this.options.renewalThresholdSeconds,
              asynchronousCommit: true,
            },
            this.db,
          ),
        );
        return {
          requestId,
          key: authenticated.key,
          // select: true, so every selection column is set.
          selection: selectionFromRow(
            { accountId: row!.accountId!, accountKind: row!.accountKind!, upstreamModel: row!.upstreamModel!, sticky: row!.sticky!, accountVersion: row!.accountVersion! },
            sessionHash,
          ),
          leaseExpiresAt: row!.leaseExpiresAt,
        };
      } catch (error) {
        // The cached decision was older than the key: drop it and decide again, once.
        if (!(error instanceof AppError && error.sqlState === 'ADVER') || attempt > 0) throw error;
        await this.options.apiKeys.forgetDecisions(authenticated.key.id, authenticated.authVersion);
        authenticated = await this.options.apiKeys.authenticateForAdmission(request.presentedKey, context);
      }
    }
  }

  /** Ends the lease of an admitted request that will not be recorded (recording ends it otherwise). */
  async release(requestId: string): Promise<boolean> {
    const [row] = await mapDbErrors(() => releaseLease.run({ requestId }, this.db));
    return row!.released;
  }
}
