// The composition root: builds every service from a validated Config.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { ApiKeyService } from './api-keys/api-keys.js';
import { AuthCache } from './api-keys/auth-cache.js';
import { ClientClassifier } from './api-keys/client-kinds.js';
import { KeyMaterial } from './api-keys/key-material.js';
import { LastUsedTracker } from './api-keys/last-used.js';
import { AccountGroupService } from './accounts/account-groups.js';
import { AccountService } from './accounts/accounts.js';
import { OauthSessionService } from './accounts/oauth-sessions.js';
import { AccountScheduler } from './accounts/scheduler.js';
import { SelectionCache } from './accounts/selection-cache.js';
import { ChangeListener } from './change-listener.js';
import { accountKeyring, type Config } from './config.js';
import { createPool, preparedConnection } from './db.js';
import { HealthService, latestCommittedMigration } from './health/health.js';
import { buildServer } from './http/server.js';
import type { Logger } from './logger.js';
import { Maintenance } from './maintenance/maintenance.js';
import { PricingService } from './pricing/pricing.js';
import { createRedis } from './redis.js';
import { AdmissionService } from './usage/admission.js';
import { UsageService } from './usage/usage.js';
import { UsageRecorder, UsageRecorderMetrics } from './usage/usage-recorder.js';
import { createMetricsRegistry } from './metrics.js';
import type { Registry } from 'prom-client';
import { UserService } from './users/users.js';
import path from 'node:path';
import { projectRoot } from './paths.js';

export interface App {
  config: Config;
  pool: pg.Pool;
  /** Account selection only (its calls commit asynchronously: they write bookkeeping), so that it never waits behind other work. */
  selectionPool: pg.Pool;
  redis: Redis | null;
  cache: AuthCache;
  listener: ChangeListener;
  lastUsed: LastUsedTracker;
  apiKeys: ApiKeyService;
  users: UserService;
  accounts: AccountService;
  accountGroups: AccountGroupService;
  scheduler: AccountScheduler;
  selectionCache: SelectionCache;
  oauthSessions: OauthSessionService;
  maintenance: Maintenance;
  pricing: PricingService;
  usage: UsageService;
  /** The relay's recording path: one call per request, committed in shared batches. */
  usageRecorder: UsageRecorder;
  metrics: Registry;
  admission: AdmissionService;
  health: HealthService;
  server: FastifyInstance;
  close(): Promise<void>;
}

export async function createApp(config: Config, log: Logger): Promise<App> {
  const pool = createPool(config.APP_DATABASE_URL, config.PG_POOL_SIZE);
  // Selections (the relay's hot path) have connections of their own.
  const selectionPool = createPool(config.APP_DATABASE_URL, config.PG_SELECTION_POOL_SIZE, 'relaypg-selection');
  let listenerToStop: ChangeListener | undefined;
  let maintenanceToStop: Maintenance | undefined;
  const redis = config.AUTH_CACHE_REDIS_TTL_SECONDS > 0 ? createRedis(config.REDIS_URL, config.REDIS_COMMAND_TIMEOUT_MS, log) : null;
  try {
    const cache = new AuthCache({
      redis,
      keyPrefix: config.REDIS_KEY_PREFIX,
      l1TtlMs: config.AUTH_CACHE_L1_TTL_MS,
      l1MaxEntries: config.AUTH_CACHE_L1_MAX_ENTRIES,
      redisTtlSeconds: config.AUTH_CACHE_REDIS_TTL_SECONDS,
      negativeTtlSeconds: config.AUTH_CACHE_NEGATIVE_TTL_SECONDS,
      log,
    });
    const keyring = accountKeyring(config);
    const selectionCache = new SelectionCache({
      ttlMs: config.SELECTION_CACHE_TTL_MS,
      maxEntries: config.SELECTION_CACHE_MAX_ENTRIES,
      renewalThresholdMs: config.STICKY_SESSION_RENEWAL_THRESHOLD_MINUTES * 60_000,
    });
    const accounts = new AccountService({ pool, keyring, timeZone: config.TIME_ZONE, onAccountChanged: (id) => selectionCache.forgetAccount(id) });
    const listener = new ChangeListener(
      config.APP_DATABASE_URL,
      [cache.changeSubscriber, accounts.changeSubscriber, ...selectionCache.changeSubscribers],
      log,
    );
    listenerToStop = listener;
    listener.start();
    const lastUsed = new LastUsedTracker(preparedConnection(pool), config.LAST_USED_FLUSH_INTERVAL_MS, log);
    lastUsed.start();
    const clients = await ClientClassifier.load(preparedConnection(pool));
    const keys = new KeyMaterial({
      prefix: config.API_KEY_PREFIX,
      hmacSecret: config.API_KEY_HMAC_SECRET,
      hmacVersion: config.API_KEY_HMAC_SECRET_VERSION,
      previousHmacSecrets: config.API_KEY_HMAC_PREVIOUS_SECRETS,
      crsSecret: config.CRS_ENCRYPTION_KEY,
    });
    const apiKeys = new ApiKeyService({ pool, keys, cache, clients, lastUsed, log, onKeyChanged: (id) => selectionCache.forgetKey(id) });
    const users = new UserService(pool);
    const accountGroups = new AccountGroupService(pool, () => selectionCache.clear());
    const scheduler = new AccountScheduler(selectionPool, {
      stickyTtlSeconds: config.STICKY_SESSION_TTL_HOURS * 3600,
      renewalThresholdSeconds: config.STICKY_SESSION_RENEWAL_THRESHOLD_MINUTES * 60,
      cache: selectionCache,
    });
    const oauthSessions = new OauthSessionService(pool, keyring);
    const maintenance = new Maintenance(pool, log);
    const pricing = new PricingService(pool);
    const usage = new UsageService(pool);
    const metrics = createMetricsRegistry();
    const usageRecorder = new UsageRecorder(
      (events) => usage.send(events),
      {
        maxBatch: config.USAGE_BATCH_MAX_EVENTS,
        lingerMs: config.USAGE_FLUSH_LINGER_MS,
        concurrency: config.USAGE_FLUSH_CONCURRENCY,
        maxBuffered: config.USAGE_BUFFER_MAX_EVENTS,
        retryForMs: config.USAGE_RETRY_FOR_MS,
      },
      new UsageRecorderMetrics(metrics),
      log,
    );
    const admission = new AdmissionService(selectionPool, {
      apiKeys,
      stickyTtlSeconds: config.STICKY_SESSION_TTL_HOURS * 3600,
      renewalThresholdSeconds: config.STICKY_SESSION_RENEWAL_THRESHOLD_MINUTES * 60,
      leaseTtlSeconds: config.CONCURRENCY_LEASE_TTL_SECONDS,
    });
    // One zone cuts usage days for every instance and for pg_cron's roll-ups: the database keeps it.
    const previousZone = await usage.setTimeZone(config.TIME_ZONE);
    if (previousZone !== config.TIME_ZONE) {
      log.warn({ previous: previousZone, timeZone: config.TIME_ZONE }, 'usage time zone changed: days, weeks and months are cut in the new zone from now on');
    }
    maintenanceToStop = maintenance;
    const expected = await latestCommittedMigration(path.resolve(projectRoot, config.MIGRATIONS_DIR));
    const health = new HealthService(pool, redis, expected, log);
    const server = buildServer({ apiKeys, accounts, accountGroups, health, usage, metrics, adminToken: config.ADMIN_TOKEN, log });
    await withTimeout(listener.ready, 10_000, 'could not LISTEN for cache invalidations within 10 s');
    await maintenance.startFallbackTimer(config.MAINTENANCE_INTERVAL_SECONDS);

    const close = async () => {
      await server.close();
      // Buffered usage is sent before the pool closes.
      await usageRecorder.close();
      await maintenance.stop();
      await lastUsed.stop();
      await listener.stop();
      redis?.disconnect();
      await selectionPool.end();
      await pool.end();
    };
    return { config, pool, selectionPool, redis, cache, listener, lastUsed, apiKeys, users, accounts, accountGroups, scheduler, selectionCache, oauthSessions, maintenance, pricing, usage, usageRecorder, metrics, admission, health, server, close };
  } catch (error) {
    await maintenanceToStop?.stop();
    await listenerToStop?.stop();
    redis?.disconnect();
    await selectionPool.end();
    await pool.end();
    throw error;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
