// The API-key service: thin orchestration over the generated query functions.
// The database decides (api.* functions); this module computes digests, keeps
// the plain key out of the database, and puts the cache in front of reads.
import type pg from 'pg';
import { preparedConnection, type Queryable } from '../db.js';
import { Batcher, outcomesByPosition, withSingleFallback, type Settled } from '../batcher.js';
import { AppError, dbError, isDatabaseUnavailable, mapDbErrors, refusalError, serviceErrors } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ApiKey } from './api-key.js';
import { apiKeyFromRow } from './api-key.js';
import { toSqlSettings, type ApiKeySettings, type CreateApiKeyInput } from './api-key-settings.js';
import {
  authenticateApiKey,
  authenticateApiKeys,
  countApiKeys,
  createApiKey,
  deleteApiKey,
  getApiKey,
  listApiKeys,
  purgeApiKey,
  regenerateApiKey,
  restoreApiKey,
  updateApiKey,
  type IAuthenticateApiKeyResult,
} from './api-keys.queries.js';
import type { AuthCache } from './auth-cache.js';
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

/** One authentication that missed both caches. */
interface Lookup {
  presented: string;
  digest: Buffer;
  platform: Platform | null;
  model: string | null;
  client: string | null;
}

/** What api.authenticate_api_key returns for one request (the batch adds its position). */
type AuthenticationRow = IAuthenticateApiKeyResult;

/** Lookups sent together: at most this many per api.authenticate_api_keys call. */
const MAX_LOOKUPS_PER_CALL = 64;

export class ApiKeyService {
  private readonly db: Queryable;
  private readonly now: () => number;
  /** Concurrent lookups that missed both caches share database calls, at most one per pool connection. */
  private readonly lookups: Batcher<Lookup, AuthenticationRow>;

  constructor(private readonly deps: ApiKeyServiceDeps) {
    this.db = preparedConnection(deps.pool);
    this.now = deps.now ?? Date.now;
    // If the database refuses a batch as a whole (an invalid request in it), each lookup is decided alone.
    const run = withSingleFallback((batch: Lookup[]) => this.lookUpMany(batch), (lookup) => this.lookUpOne(lookup), { mapError: dbError, isUnavailable: isDatabaseUnavailable });
    this.lookups = new Batcher(run, { maxBatch: MAX_LOOKUPS_PER_CALL, concurrency: deps.pool.options.max ?? 10 });
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
      const decision = this.decision(presented, context);
      return decision instanceof Promise ? decision.then((d) => pick(this.accept(d))) : Promise.resolve(pick(this.accept(decision)));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Drops this instance's cached decisions for a key read at `authVersion` or before (the database has a newer one). */
  async forgetDecisions(keyId: string, authVersion: number): Promise<void> {
    await this.deps.cache.invalidate(keyId, authVersion + 1);
  }

  /** The decision for a presented key, synchronously on an in-process hit; throws on a key refused without a lookup. */
  private decision(presented: string | undefined, context: AuthContext): AuthDecision | Promise<AuthDecision> {
    if (presented === undefined || presented === '') throw new AppError(serviceErrors.missingKey);
    const { cache, keys } = this.deps;
    // The shape is checked where the digest is computed: a remembered digest was checked then.
    const presentedDigest = cache.digestOf(presented, (k) => {
      if (!keys.isWellFormed(k)) throw new AppError(serviceErrors.malformedKey);
      return keys.hmacDigest(k);
    });
    if (context.model !== null && context.model.length > MAX_MODEL_LENGTH) {
      throw new AppError(serviceErrors.badRequest, { message: `model must be at most ${MAX_MODEL_LENGTH} characters`, field: 'model' });
    }
    const client = this.deps.clients.classify(context.userAgent);
    const entryKey = cache.entryKeyFor(presentedDigest, context.platform, client, context.model);
    return cache.getLocal(entryKey) ?? this.decide(presented, presentedDigest.digest, entryKey, client, context);
  }

  /** An accepted decision (its use recorded), or the refusal thrown. */
  private accept(decision: AuthDecision): AuthDecision {
    if (decision.refusal !== null) throw refusalError(decision.refusal);
    this.deps.lastUsed.record(decision.keyId!, this.now());
    return decision;
  }

  /** Past the in-process cache: Redis, then the database, whose answer is remembered. */
  private decide(presented: string, digest: Buffer, entryKey: string, client: string | null, context: AuthContext): Promise<AuthDecision> {
    return this.deps.cache.getRemote(entryKey).then((remote) => remote ?? this.decideInDatabase({ presented, digest, platform: context.platform, model: context.model, client }, entryKey));
  }

  private async decideInDatabase(lookup: Lookup, entryKey: string): Promise<AuthDecision> {
    const row = await this.lookups.load(lookup);
    const decision = decisionFromRow(row);
    // A call that changed the key (activated it, or moved it to the current secret) had a side effect: never memoize it.
    if (!row.activated_now && !row.rehashed_now) this.deps.cache.store(entryKey, decision);
    return decision;
  }

  /** Decides a batch of lookups in one api.authenticate_api_keys call. */
  private async lookUpMany(batch: Lookup[]): Promise<Settled<AuthenticationRow>[]> {
    const { keys } = this.deps;
    const previous = batch.map((lookup) => keys.previousDigests(lookup.presented));
    const rows = await authenticateApiKeys.run(
      {
        digests: batch.map((lookup) => lookup.digest),
        // Elements may be null (pgtyped's array types do not say so).
        crsDigests: batch.map((lookup) => keys.crsDigest(lookup.presented) ?? null) as Buffer[],
        platforms: batch.map((lookup) => lookup.platform) as string[],
        models: batch.map((lookup) => lookup.model) as string[],
        clients: batch.map((lookup) => lookup.client) as string[],
        digestScheme: keys.hmacScheme,
        previousDigests: previous.flatMap((p) => p.digests),
        previousSchemes: previous[0]!.schemes,
      },
      this.db,
    );
    return outcomesByPosition(batch.length, rows, (row) => ({ ok: true, value: row }), 'api.authenticate_api_keys');
  }

  private async lookUpOne(lookup: Lookup): Promise<AuthenticationRow> {
    const { keys } = this.deps;
    const previous = keys.previousDigests(lookup.presented);
    const [row] = await mapDbErrors(() =>
      authenticateApiKey.run(
        {
          digest: lookup.digest,
          digestScheme: keys.hmacScheme,
          previousDigests: previous.digests,
          previousSchemes: previous.schemes,
          crsDigest: keys.crsDigest(lookup.presented) ?? null,
          platform: lookup.platform,
          model: lookup.model,
          client: lookup.client,
        },
        this.db,
      ),
    );
    if (row === undefined) throw new Error('api.authenticate_api_key returned no row');
    return row;
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
