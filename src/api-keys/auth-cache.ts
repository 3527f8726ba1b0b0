// Memoizes api.authenticate_api_key's decisions: a short in-process map in
// front of a Redis TTL cache. It never decides anything itself. An entry is
// keyed by digest + request context and lives no longer than its TTL or the
// key's expiry; NOTIFY-driven invalidation drops a key's entries everywhere.
import type { ChangeSubscriber } from '../change-listener.js';
import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { decodeStoredDecision, encodeStoredDecision, type AuthDecision, type StoredDecision } from './auth-decision.js';
import { Batcher, type Settled } from '../batcher.js';

export interface AuthCacheOptions {
  redis: Redis | null;
  keyPrefix: string;
  l1TtlMs: number;
  l1MaxEntries: number;
  redisTtlSeconds: number;
  negativeTtlSeconds: number;
  log: Logger;
  now?: () => number;
}

interface LocalEntry {
  decision: AuthDecision;
  expiresAt: number;
}

// Fill only if no newer version of the key has been announced (a decision read
// before a change committed must not land after the invalidation).
const FILL_SCRIPT = `
local known = redis.call('GET', KEYS[2])
if known and tonumber(known) > tonumber(ARGV[3]) then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('SADD', KEYS[3], KEYS[1])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
return 1`;

const INVALIDATE_SCRIPT = `
local known = redis.call('GET', KEYS[1])
if (not known) or tonumber(known) < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
local members = redis.call('SMEMBERS', KEYS[2])
for i = 1, #members, 500 do
  redis.call('DEL', unpack(members, i, math.min(i + 499, #members)))
end
redis.call('DEL', KEYS[2])
return #members`;

type CacheRedis = Redis & {
  relaypgAuthFill(entry: string, marker: string, index: string, value: string, ttlMs: number, version: number, indexTtlMs: number): Promise<number>;
  relaypgAuthInvalidate(marker: string, index: string, version: number, markerTtlMs: number): Promise<number>;
};

/** Announced versions are remembered only as long as a stale entry could live; prune past this size. */
const KNOWN_VERSIONS_PRUNE_AT = 10_000;

/** Drops the oldest tenth of a Map used as a bounded cache (Maps iterate in insertion order). */
function dropOldest<K, V>(map: Map<K, V>, capacity: number, onDrop?: (key: K, value: V) => void): void {
  let toDrop = Math.max(1, Math.floor(capacity / 10));
  for (const [key, value] of map) {
    map.delete(key);
    onDrop?.(key, value);
    if (--toDrop === 0) break;
  }
}

/** Reads of one turn share an MGET of at most this many entries, one MGET in flight (Redis runs commands one at a time). */
const REMOTE_READS = { maxBatch: 128, concurrency: 1 };

/** After a Redis error or timeout, skip Redis this long before trying again. */
const REDIS_BYPASS_MS = 1_000;

export interface PresentedDigest {
  digest: Buffer;
  hex: string;
}

/** A remembered digest, with the entry key of its last request context. */
interface RememberedDigest extends PresentedDigest {
  until: number;
  last?: { platform: string | null; client: string | null; model: string | null; entryKey: string };
}

/** NOTIFY channel of the api_keys triggers: {id, version} of a changed key. */
export const API_KEY_CHANGED_CHANNEL = 'relaypg_api_key_changed';

export class AuthCache {
  private readonly local = new Map<string, LocalEntry>();
  /**
   * Presented key -> its HMAC digest, for the in-process lifetime: the HMAC is
   * most of an in-process hit's cost. Plain keys stay in this process's memory
   * only (never Redis, never logs), as the request itself already holds them.
   */
  private readonly digests = new Map<string, RememberedDigest>();
  private readonly localByKey = new Map<string, Set<string>>();
  /** Highest announced version per key, with when that knowledge may be forgotten. */
  private readonly knownVersions = new Map<string, { version: number; until: number }>();
  /** Invalidations not yet applied to Redis (key id -> version). */
  private readonly pendingRemote = new Map<string, number>();
  /** Every Redis entry must go (notifications were missed); not done yet. */
  private remoteClearPending = false;
  private readonly redis: CacheRedis | null;
  private readonly now: () => number;
  private redisBypassUntil = 0;
  private nextPruneAt = 0;
  private readonly remoteReads = new Batcher((entryKeys: string[]) => this.readRemote(entryKeys), REMOTE_READS);

  constructor(private readonly options: AuthCacheOptions) {
    this.now = options.now ?? Date.now;
    this.redis = options.redis as CacheRedis | null;
    if (this.redis && typeof this.redis.relaypgAuthFill !== 'function') {
      this.redis.defineCommand('relaypgAuthFill', { numberOfKeys: 3, lua: FILL_SCRIPT });
      this.redis.defineCommand('relaypgAuthInvalidate', { numberOfKeys: 2, lua: INVALIDATE_SCRIPT });
    }
  }

  /**
   * Cache key for a digest and request context. Platform and client come from
   * closed sets; a model is free text, so it goes last, and a present model is
   * marked with '=' so that no model name can look like "no model".
   */
  static entryKey(digestHex: string, platform: string | null, client: string | null, model: string | null): string {
    return `${digestHex}:${platform ?? ''}:${client ?? ''}:${model === null ? '' : `=${model}`}`;
  }

  /**
   * The entry key of a presented digest in a request context. The last one is
   * kept with a remembered digest: a key's requests mostly share a context,
   * and the same string, already hashed, makes the in-process lookup cheap.
   */
  entryKeyFor(presented: PresentedDigest, platform: string | null, client: string | null, model: string | null): string {
    const remembered = presented as Partial<RememberedDigest>;
    const last = remembered.last;
    if (last !== undefined && last.platform === platform && last.client === client && last.model === model) return last.entryKey;
    const entryKey = AuthCache.entryKey(presented.hex, platform, client, model);
    if (remembered.until !== undefined) remembered.last = { platform, client, model, entryKey }; // only a remembered digest is seen again
    return entryKey;
  }

  /** The digest of a presented key, computed once per in-process lifetime. */
  digestOf(presented: string, compute: (presented: string) => Buffer): PresentedDigest {
    const now = this.now();
    const known = this.digests.get(presented);
    if (known !== undefined && known.until > now) return known;
    const digest = compute(presented);
    const hex = digest.toString('hex');
    if (this.options.l1TtlMs <= 0 || this.options.l1MaxEntries <= 0) return { digest, hex };
    const entry: RememberedDigest = { digest, hex, until: now + this.options.l1TtlMs };
    if (this.digests.size >= this.options.l1MaxEntries) dropOldest(this.digests, this.options.l1MaxEntries);
    this.digests.set(presented, entry);
    return entry;
  }

  getLocal(entryKey: string): AuthDecision | undefined {
    const entry = this.local.get(entryKey);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > this.now()) return entry.decision;
    this.dropLocal(entryKey, entry);
    return undefined;
  }

  /**
   * The decision Redis holds for an entry, or undefined (none, expired, stale,
   * or Redis unusable). Concurrent reads share one MGET.
   */
  getRemote(entryKey: string): Promise<AuthDecision | undefined> {
    if (!this.redisUsable()) return Promise.resolve(undefined);
    return this.remoteReads.load(entryKey);
  }

  private async readRemote(entryKeys: string[]): Promise<Settled<AuthDecision | undefined>[]> {
    const nothing = () => entryKeys.map(() => ({ ok: true, value: undefined }) as const);
    if (!this.redisUsable()) return nothing();
    if (this.remoteWorkPending) await this.flushRemoteInvalidations();
    if (!this.redisUsable()) return nothing();
    let raws: (string | null)[];
    try {
      raws = await this.redis!.mget(entryKeys.map((entryKey) => this.redisEntryKey(entryKey)));
    } catch (error) {
      this.redisFailed(error);
      return nothing();
    }
    return raws.map((raw, i) => ({ ok: true, value: raw === null ? undefined : this.remoteDecision(entryKeys[i]!, raw) }));
  }

  /** A stored decision still usable here (also remembered locally), or undefined. */
  private remoteDecision(entryKey: string, raw: string): AuthDecision | undefined {
    let stored: StoredDecision | undefined;
    try {
      stored = decodeStoredDecision(raw);
    } catch (error) {
      this.redisFailed(error);
      return undefined;
    }
    if (stored === undefined || stored.expiresAt <= this.now()) return undefined;
    const { decision } = stored;
    // Written before a change this instance has heard of (its Redis
    // invalidation may have been skipped while Redis was unreachable).
    if (decision.keyId !== null && this.isStale(decision.keyId, decision.authVersion)) return undefined;
    this.storeLocal(entryKey, decision, Math.min(stored.expiresAt, this.now() + this.options.l1TtlMs));
    return decision;
  }

  /** Remembers a decision in both levels (Redis in the background). */
  store(entryKey: string, decision: AuthDecision): void {
    const now = this.now();
    const redisExpiry = this.expiryFor(decision, now, this.options.redisTtlSeconds * 1000);
    this.storeLocal(entryKey, decision, Math.min(redisExpiry, this.expiryFor(decision, now, this.options.l1TtlMs)));
    const stale = decision.keyId !== null && this.isStale(decision.keyId, decision.authVersion);
    if (redisExpiry > now && !stale && this.redisUsable()) {
      void this.storeRemote(entryKey, decision, redisExpiry - now).catch((error) => this.redisFailed(error));
    }
  }

  /** Drops every cached decision about a key, here and in Redis. */
  async invalidate(keyId: string, version: number): Promise<void> {
    this.invalidateLocal(keyId, version);
    if (!this.redisEnabled) return;
    this.pendingRemote.set(keyId, Math.max(version, this.pendingRemote.get(keyId) ?? 0));
    await this.flushRemoteInvalidations();
  }

  /**
   * Applies the invalidations Redis has not acknowledged yet. One that fails
   * (Redis down or slow) stays queued and is retried on the next call that
   * finds Redis usable, so Redis never keeps a decision older than a change.
   */
  private async flushRemoteInvalidations(): Promise<void> {
    if (!this.remoteWorkPending || !this.redisUsable()) return;
    if (this.remoteClearPending) {
      try {
        await this.deleteRemoteEntries();
        this.remoteClearPending = false;
      } catch (error) {
        this.redisFailed(error);
        return;
      }
    }
    const markerTtl = Math.max(this.options.redisTtlSeconds * 1000, 1);
    for (const [keyId, version] of [...this.pendingRemote]) {
      try {
        await this.redis!.relaypgAuthInvalidate(this.versionMarkerKey(keyId), this.indexKey(keyId), version, markerTtl);
        if (this.pendingRemote.get(keyId) === version) this.pendingRemote.delete(keyId);
      } catch (error) {
        this.redisFailed(error);
        return;
      }
    }
  }

  invalidateLocal(keyId: string, version: number): void {
    const known = this.knownVersions.get(keyId);
    if (known === undefined || known.version < version) {
      if (this.knownVersions.size >= KNOWN_VERSIONS_PRUNE_AT && this.now() >= this.nextPruneAt) this.pruneKnownVersions();
      this.knownVersions.set(keyId, { version, until: this.now() + Math.max(this.options.l1TtlMs, this.options.redisTtlSeconds * 1000) });
    }
    const entryKeys = this.localByKey.get(keyId);
    if (entryKeys === undefined) return;
    for (const entryKey of entryKeys) this.local.delete(entryKey);
    this.localByKey.delete(keyId);
  }

  /**
   * After notifications were missed (the LISTEN connection was lost), no
   * cached decision can be trusted: drop the local ones now and every Redis
   * entry under this prefix (now, or as soon as Redis answers).
   */
  async forgetEverything(): Promise<void> {
    this.clearLocal();
    if (!this.redisEnabled) return;
    this.remoteClearPending = true;
    await this.flushRemoteInvalidations();
  }

  private async deleteRemoteEntries(): Promise<void> {
    let cursor = '0';
    do {
      // auth:d: entries, and auth:e: ones of instances from before the positional format (a rolling upgrade).
      const [next, keys] = await this.redis!.scan(cursor, 'MATCH', `${this.options.keyPrefix}auth:[de]:*`, 'COUNT', 1000);
      if (keys.length > 0) await this.redis!.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }

  /** Keeps this cache in step with relaypg_api_key_changed notices (see ChangeListener). */
  get changeSubscriber(): ChangeSubscriber {
    return {
      channel: API_KEY_CHANGED_CHANNEL,
      changed: (keyId, version) => void this.invalidate(keyId, version),
      // While the listener is down only the local level is dropped at once;
      // Redis is cleared when it is back (or when a notice was unreadable).
      forgetAll: (reason) => (reason === 'lost' ? this.clearLocal() : void this.forgetEverything()),
    };
  }

  /** Forget everything local. */
  clearLocal(): void {
    this.local.clear();
    this.localByKey.clear();
    this.digests.clear();
  }

  get localSize(): number {
    return this.local.size;
  }

  private expiryFor(decision: AuthDecision, now: number, ttlMs: number): number {
    const ttl = decision.refusal === 'AUUNK' ? Math.min(ttlMs, this.options.negativeTtlSeconds * 1000) : ttlMs;
    const expiry = now + ttl;
    return decision.validUntil === null ? expiry : Math.min(expiry, decision.validUntil);
  }

  private storeLocal(entryKey: string, decision: AuthDecision, expiresAt: number): void {
    if (this.options.l1MaxEntries === 0 || expiresAt <= this.now()) return;
    if (decision.keyId !== null && this.isStale(decision.keyId, decision.authVersion)) return;
    if (this.local.size >= this.options.l1MaxEntries) this.evictOldest();
    this.local.set(entryKey, { decision, expiresAt });
    if (decision.keyId !== null) {
      let entryKeys = this.localByKey.get(decision.keyId);
      if (entryKeys === undefined) this.localByKey.set(decision.keyId, (entryKeys = new Set()));
      entryKeys.add(entryKey);
    }
  }

  private async storeRemote(entryKey: string, decision: AuthDecision, ttlMs: number): Promise<void> {
    const value = encodeStoredDecision(decision, this.now() + ttlMs);
    const redisKey = this.redisEntryKey(entryKey);
    if (decision.keyId === null) {
      await this.redis!.set(redisKey, value, 'PX', ttlMs);
      return;
    }
    await this.redis!.relaypgAuthFill(
      redisKey,
      this.versionMarkerKey(decision.keyId),
      this.indexKey(decision.keyId),
      value,
      ttlMs,
      decision.authVersion,
      Math.max(this.options.redisTtlSeconds * 1000, ttlMs),
    );
  }

  private pruneKnownVersions(): void {
    const now = this.now();
    this.nextPruneAt = now + 1_000; // at most once a second, even during a mass change
    for (const [keyId, known] of this.knownVersions) if (known.until <= now) this.knownVersions.delete(keyId);
  }

  private isStale(keyId: string, version: number): boolean {
    const known = this.knownVersions.get(keyId);
    if (known === undefined) return false;
    if (known.until <= this.now()) {
      this.knownVersions.delete(keyId);
      return false;
    }
    return version < known.version;
  }

  private evictOldest(): void {
    dropOldest(this.local, this.options.l1MaxEntries, (entryKey, entry) => this.dropLocal(entryKey, entry));
  }

  private dropLocal(entryKey: string, entry: LocalEntry): void {
    this.local.delete(entryKey);
    if (entry.decision.keyId !== null) this.localByKey.get(entry.decision.keyId)?.delete(entryKey);
  }

  /** Configured to use Redis at all (work for it may then wait while it is down). */
  private get redisEnabled(): boolean {
    return this.redis !== null && this.options.redisTtlSeconds > 0;
  }

  private get remoteWorkPending(): boolean {
    return this.pendingRemote.size > 0 || this.remoteClearPending;
  }

  private redisUsable(): boolean {
    return this.redisEnabled && this.redis!.status === 'ready' && this.now() >= this.redisBypassUntil;
  }

  private redisFailed(error: unknown): void {
    this.redisBypassUntil = this.now() + REDIS_BYPASS_MS;
    this.options.log.debug({ err: { message: (error as Error)?.message } }, 'auth cache: redis call failed');
  }

  /**
   * Decisions in the positional format live under auth:d: (auth:e: held the
   * JSON objects of earlier versions, which such instances still read while an
   * upgrade rolls out: neither reads the other's entries). Both are indexed
   * per key (auth:i:) and invalidated together.
   */
  private redisEntryKey(entryKey: string): string {
    return `${this.options.keyPrefix}auth:d:${entryKey}`;
  }

  private versionMarkerKey(keyId: string): string {
    return `${this.options.keyPrefix}auth:v:${keyId}`;
  }

  private indexKey(keyId: string): string {
    return `${this.options.keyPrefix}auth:i:${keyId}`;
  }
}
