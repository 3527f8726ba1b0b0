// The API-key service: thin orchestration over the generated query functions.
// The database decides (api.* functions); this module computes digests, keeps
// the plain key out of the database, and puts the cache in front of reads.
import type pg from 'pg';
import { preparedConnection, type Queryable } from '../db.js';
import { AppError, mapDbErrors, refusalError, serviceErrors } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ApiKey } from './api-key.js';
import { apiKeyFromRow } from './api-key.js';
import { toSqlSettings, type ApiKeySettings, type CreateApiKeyInput } from './api-key-settings.js';
import {
  authenticateApiKey,
  countApiKeys,
  createApiKey,
  deleteApiKey,
  getApiKey,
  listApiKeys,
  purgeApiKey,
  regenerateApiKey,
  restoreApiKey,
  updateApiKey,
} from './api-keys.queries.js';
import { AuthCache } from './auth-cache.js';
import { decisionFromRow, type AuthDecision, type AuthenticatedKey } from './auth-decision.js';
import type { ClientClassifier } from './client-kinds.js';
import type { KeyMaterial } from './key-material.js';
import type { LastUsedTracker } from './last-used.js';

export type Platform = 'claude' | 'gemini' | 'openai';

export interface AuthContext {
  /** The route family of the request; null for routes open to every platform. */
  platform: Platform | null;
  /** The requested model as sent, or null. */
  model: string | null;
  userAgent: string | null;
}

export interface Actor {
  name: string | null;
  type: 'admin' | 'user' | 'system';
}

export interface ListFilter {
  isActive?: boolean | undefined;
  isDeleted?: boolean | undefined;
  tag?: string | undefined;
  userId?: string | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

export interface ApiKeyServiceDeps {
  pool: pg.Pool;
  keys: KeyMaterial;
  cache: AuthCache;
  clients: ClientClassifier;
  lastUsed: LastUsedTracker;
  log: Logger;
  now?: () => number;
  /** Called after every write to a key (before its NOTIFY is delivered), e.g. to drop remembered selections. */
  onKeyChanged?: (keyId: string) => void;
}

const MAX_MODEL_LENGTH = 200;

export class ApiKeyService {
  private readonly db: Queryable;
  private readonly now: () => number;

  constructor(private readonly deps: ApiKeyServiceDeps) {
    this.db = preparedConnection(deps.pool);
    this.now = deps.now ?? Date.now;
  }

  /**
   * Authenticates a presented key for a request. Resolves to the key's data,
   * or rejects with an AppError carrying the database's refusal. An
   * in-process hit is answered without an async hop (the hot path).
   */
  authenticate(presented: string | undefined, context: AuthContext): Promise<AuthenticatedKey> {
    return this.acceptedAs(presented, context, (accepted) => accepted.key!);
  }

  /**
   * As authenticate, with the key's auth version (what api.admit_request
   * checks: a decision taken from the cache must still be current).
   */
  authenticateForAdmission(presented: string | undefined, context: AuthContext): Promise<{ key: AuthenticatedKey; authVersion: number }> {
    return this.acceptedAs(presented, context, (accepted) => ({ key: accepted.key!, authVersion: accepted.authVersion }));
  }

  /** What `pick` takes of the accepted decision; an in-process hit resolves without an async hop. */
  private acceptedAs<T>(presented: string | undefined, context: AuthContext, pick: (accepted: AuthDecision) => T): Promise<T> {
    try {
      const decision = this.acceptedDecision(presented, context);
      return decision instanceof Promise ? decision.then(pick) : Promise.resolve(pick(decision));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Drops this instance's cached decisions for a key read at `authVersion` or before (the database has a newer one). */
  async forgetDecisions(keyId: string, authVersion: number): Promise<void> {
    await this.deps.cache.invalidate(keyId, authVersion + 1);
  }

  /** An accepted decision, synchronously on an in-process hit; throws (or rejects with) the refusal. */
  private acceptedDecision(presented: string | undefined, context: AuthContext): AuthDecision | Promise<AuthDecision> {
    if (presented === undefined || presented === '') throw new AppError(serviceErrors.missingKey);
    if (!this.deps.keys.isWellFormed(presented)) throw new AppError(serviceErrors.malformedKey);
    if (context.model !== null && context.model.length > MAX_MODEL_LENGTH) {
      throw new AppError(serviceErrors.badRequest, { message: `model must be at most ${MAX_MODEL_LENGTH} characters`, field: 'model' });
    }
    const { cache, keys } = this.deps;
    const { digest, hex } = cache.digestOf(presented, (k) => keys.hmacDigest(k));
    const client = this.deps.clients.classify(context.userAgent);
    const entryKey = AuthCache.entryKey(hex, context.platform, client, context.model);
    const local = cache.getLocal(entryKey);
    if (local !== undefined) return this.accept(local);
    return this.decide(presented, digest, entryKey, client, context).then((decision) => this.accept(decision));
  }

  /** An accepted decision (its use recorded), or the refusal thrown. */
  private accept(decision: AuthDecision): AuthDecision {
    if (decision.refusal !== null) throw refusalError(decision.refusal);
    this.deps.lastUsed.record(decision.keyId!, this.now());
    return decision;
  }

  /** Past the in-process cache: Redis, then the database, whose answer is remembered. */
  private async decide(presented: string, digest: Buffer, entryKey: string, client: string | null, context: AuthContext): Promise<AuthDecision> {
    const { cache } = this.deps;
    const remote = await cache.getRemote(entryKey);
    if (remote !== undefined) return remote;

    const { keys } = this.deps;
    const previous = keys.previousDigests(presented);
    const [row] = await mapDbErrors(() =>
      authenticateApiKey.run(
        {
          digest,
          digestScheme: keys.hmacScheme,
          previousDigests: previous.digests,
          previousSchemes: previous.schemes,
          crsDigest: keys.crsDigest(presented) ?? null,
          platform: context.platform,
          model: context.model,
          client,
        },
        this.db,
      ),
    );
    if (row === undefined) throw new Error('api.authenticate_api_key returned no row');
    const decision = decisionFromRow(row);
    // A call that changed the key (activated it, or moved it to the current secret) had a side effect: never memoize it.
    if (!row.activated_now && !row.rehashed_now) cache.store(entryKey, decision);
    return decision;
  }

  async create(input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; plainKey: string }> {
    const plainKey = this.deps.keys.generate();
    const [row] = await mapDbErrors(() =>
      createApiKey.run({ digest: this.deps.keys.hmacDigest(plainKey), digestScheme: this.deps.keys.hmacScheme, settings: toSqlSettings(input) as never }, this.db),
    );
    return { apiKey: apiKeyFromRow(row!), plainKey };
  }

  async get(id: string): Promise<ApiKey> {
    const [row] = await mapDbErrors(() => getApiKey.run({ id }, this.db));
    return apiKeyFromRow(row!);
  }

  async list(filter: ListFilter): Promise<{ items: ApiKey[]; total: number }> {
    const params = {
      isActive: filter.isActive ?? null,
      isDeleted: filter.isDeleted ?? null,
      tag: filter.tag ?? null,
      ownerUserId: filter.userId ?? null,
      search: filter.search ?? null,
    };
    const [rows, [count]] = await mapDbErrors(() =>
      Promise.all([listApiKeys.run({ ...params, limit: filter.limit, offset: filter.offset }, this.db), countApiKeys.run(params, this.db)]),
    );
    return { items: rows.map(apiKeyFromRow), total: Number(count!.total) };
  }

  async update(id: string, changes: ApiKeySettings): Promise<ApiKey> {
    const [row] = await mapDbErrors(() => updateApiKey.run({ id, changes: toSqlSettings(changes) as never }, this.db));
    return this.changed(apiKeyFromRow(row!));
  }

  async delete(id: string, actor: Actor): Promise<ApiKey> {
    const [row] = await mapDbErrors(() => deleteApiKey.run({ id, deletedBy: actor.name, deletedByType: actor.type }, this.db));
    return this.changed(apiKeyFromRow(row!));
  }

  async restore(id: string, actor: Actor): Promise<ApiKey> {
    const [row] = await mapDbErrors(() => restoreApiKey.run({ id, restoredBy: actor.name, restoredByType: actor.type }, this.db));
    return this.changed(apiKeyFromRow(row!));
  }

  /**
   * Read-your-writes on this instance: drop the key's cached decisions now
   * instead of waiting for our own NOTIFY (other instances rely on it).
   */
  private async changed(apiKey: ApiKey): Promise<ApiKey> {
    this.deps.onKeyChanged?.(apiKey.id);
    await this.deps.cache.invalidate(apiKey.id, apiKey.authVersion);
    return apiKey;
  }

  /** A new plain key for an existing key; the old one stops working at once. */
  async regenerate(id: string): Promise<{ apiKey: ApiKey; plainKey: string }> {
    const plainKey = this.deps.keys.generate();
    const [row] = await mapDbErrors(() =>
      regenerateApiKey.run({ id, digest: this.deps.keys.hmacDigest(plainKey), digestScheme: this.deps.keys.hmacScheme }, this.db),
    );
    return { apiKey: await this.changed(apiKeyFromRow(row!)), plainKey };
  }

  /** Permanent delete of a soft-deleted key. */
  async purge(id: string): Promise<void> {
    await mapDbErrors(() => purgeApiKey.run({ id }, this.db));
    this.deps.onKeyChanged?.(id);
    await this.deps.cache.invalidate(id, Number.MAX_SAFE_INTEGER);
  }
}
