// What the benchmarks share: the closed-loop driver (a fixed number of calls
// in flight, each timed), a bench database built with setupDatabase, apps
// started on it, and the cleanup that drops it all. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { InvalidArgumentError } from 'commander';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { setupDatabase } from '../src/db-setup.js';
import { createLogger } from '../src/logger.js';
import { databaseUrl, setupConfigFor, testEnv } from '../test/support/env.js';

// ---------------------------------------------------------------- options

export const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
};

/** The pool size default of every benchmark: PG_POOL_SIZE, else 4. */
export const defaultPoolSize = (): number => (process.env.PG_POOL_SIZE ? positiveInt(process.env.PG_POOL_SIZE) : 4);

export const HMAC_SECRET = 'bench-hmac-secret-0123456789abcdef0123456789';

// ---------------------------------------------------------------- driver

export interface Run {
  ops: number;
  p50: number; // ms
  p99: number; // ms
  /** This process's CPU time per call (user + system), in microseconds. */
  cpuUs: number;
}

/** Set by the SIGINT handler; the driver stops at the next call. */
export const interruption = { interrupted: false };
export class Interrupted extends Error {}

/** Index of the p-th percentile in a sorted sample of n (nearest rank). */
const rank = (p: number, n: number) => Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1));

/**
 * Keeps exactly `concurrency` calls outstanding until `count` calls have been
 * made; each call is timed on its own with performance.now() (ms). The call
 * gets the index of the call (0 .. count-1).
 */
export async function drive(call: (i: number) => Promise<unknown>, count: number, concurrency: number, record = true): Promise<Run> {
  const latencies = new Float64Array(count);
  let next = 0;
  let stop = false; // set by the first failure, so that the other workers stop too
  const worker = async () => {
    try {
      while (next < count && !stop) {
        if (interruption.interrupted) throw new Interrupted();
        const i = next++;
        // performance.now() is a double (hrtime.bigint() allocated two BigInts
        // per call: garbage that the measured path's own GC pauses then paid for).
        const start = performance.now();
        await call(i);
        latencies[i] = performance.now() - start;
      }
    } catch (error) {
      stop = true;
      throw error;
    }
  };
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  // Wait for every worker (no call left running during cleanup), then report the first failure.
  const settled = await Promise.allSettled(Array.from({ length: Math.min(concurrency, count) }, worker));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  const elapsedNs = Number(process.hrtime.bigint() - started);
  const cpu = process.cpuUsage(cpuBefore);
  if (!record) return { ops: 0, p50: 0, p99: 0, cpuUs: 0 };
  latencies.sort();
  return {
    ops: (count / elapsedNs) * 1e9,
    p50: latencies[rank(0.5, count)]!,
    p99: latencies[rank(0.99, count)]!,
    cpuUs: (cpu.user + cpu.system) / count,
  };
}

export const median = (runs: Run[]): Run => [...runs].sort((a, b) => a.ops - b.ops)[Math.floor((runs.length - 1) / 2)]!;
export const fmtMs = (ms: number) => ms.toFixed(3);
export const fmtOps = (ops: number) => Math.round(ops).toString();
export const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
/** The ratio of a path's ops/s to its anchor's, round by round (runs in the same order). */
export const ratiosPerRound = (path: Run[], anchor: Run[]): string => path.map((r, i) => (r.ops / anchor[i]!.ops).toFixed(2)).join(' ');

/** A positive integer option's default from an environment variable, else `fallback`. */
export const envPositiveInt = (name: string, fallback: number): number => (process.env[name] ? positiveInt(process.env[name]!) : fallback);

/** "1m 23.4s" */
export const fmtDuration = (ms: number): string => {
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)}s` : `${Math.floor(s / 60)}m ${(s % 60).toFixed(1)}s`;
};

// ---------------------------------------------------------------- setup / teardown

export interface Resources {
  databaseName?: string;
  /** The Redis key prefix of the apps; the keys under it are deleted at the end (none: Redis is not used). */
  redisPrefix?: string;
  apps: App[];
  anchorPool?: pg.Pool;
  anchorRedis?: Redis;
  /** Other pools the bench opened (closed before the database is dropped). */
  pools?: pg.Pool[];
}

export async function withRootClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testEnv.rootUrl, application_name: 'relaypg-bench' });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database migrated with setupDatabase (the same path as `relaypg db setup`),
 * named `<prefix>_<random>`.
 */
export async function createBenchDatabase(resources: Resources, prefix = 'relaypg_bench'): Promise<void> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const config = setupConfigFor(name);
  resources.databaseName = name; // set before creating it, so a failure half-way still drops it
  // graphile-migrate logs its progress with console.info/log: keep stdout for the results.
  const { info, log } = console;
  console.info = console.log = (...args: unknown[]) => console.error(...args);
  try {
    await setupDatabase(config, createLogger('warn'), { schedule: false });
  } finally {
    Object.assign(console, { info, log });
  }
}

export function rootUrlFor(database: string): string {
  const url = new URL(testEnv.rootUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The owner role (migrations, tables) on a bench database. */
export const ownerUrlFor = (database: string): string => databaseUrl(testEnv.owner, testEnv.ownerPassword, database);
/** The runtime role (EXECUTE on api.* only, as the service) on a bench database. */
export const appUrlFor = (database: string): string => databaseUrl(testEnv.appUser, testEnv.appPassword, database);

/** A pg.Pool that cleanup() closes; idle-client errors are ignored. */
export function benchPool(resources: Resources, connectionString: string, max: number, applicationName: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, application_name: applicationName });
  pool.on('error', () => undefined);
  (resources.pools ??= []).push(pool);
  return pool;
}

/** An app (createApp) on the bench database as the runtime role, with `poolSize` connections. */
export async function startBenchApp(resources: Resources, poolSize: number, overrides: Record<string, string>): Promise<App> {
  const config = loadConfig({
    APP_DATABASE_URL: databaseUrl(testEnv.appUser, testEnv.appPassword, resources.databaseName!),
    REDIS_URL: testEnv.redisUrl,
    REDIS_KEY_PREFIX: resources.redisPrefix ?? 'relaypg-bench-unused:',
    ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef0123456789',
    API_KEY_HMAC_SECRET: HMAC_SECRET,
    ACCOUNT_SECRET_KEY: 'bench-account-secret-key-0123456789abcdef',
    LOG_LEVEL: 'silent',
    PG_POOL_SIZE: String(poolSize),
    PG_SELECTION_POOL_SIZE: String(poolSize),
    // No background "last used" flush during the runs (it is one batched write per interval anyway).
    LAST_USED_FLUSH_INTERVAL_MS: '3600000',
    PORT: '0',
    ...overrides,
  });
  const app = await createApp(config, createLogger(config.LOG_LEVEL));
  resources.apps.push(app);
  return app;
}

export async function waitForRedis(redis: Redis): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (redis.status !== 'ready') {
    if (Date.now() > deadline) throw new Error(`Redis at ${testEnv.redisUrl} is not ready (status ${redis.status})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Wraps obj[method] to call `seen` (with the call's arguments) first; returns the undo. */
export function spy(obj: object, method: string, seen: (...args: unknown[]) => void): () => void {
  const target = obj as Record<string, unknown>;
  const original = target[method] as (...args: unknown[]) => unknown;
  const own = Object.prototype.hasOwnProperty.call(target, method);
  target[method] = function (this: unknown, ...args: unknown[]) {
    seen(...args);
    return original.apply(this, args);
  };
  return () => {
    if (own) target[method] = original;
    else delete target[method];
  };
}

export async function cleanup(resources: Resources): Promise<string[]> {
  const problems: string[] = [];
  const attempt = async (what: string, run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      problems.push(`${what}: ${(error as Error).message}`);
    }
  };
  for (const app of resources.apps) await attempt('closing an app', () => app.close());
  if (resources.anchorPool) await attempt('closing the anchor pool', () => resources.anchorPool!.end());
  for (const pool of resources.pools ?? []) await attempt('closing a pool', () => pool.end());
  resources.anchorRedis?.disconnect();
  const redisPrefix = resources.redisPrefix;
  if (redisPrefix !== undefined) {
    await attempt('deleting Redis keys', async () => {
      const redis = new Redis(testEnv.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
      try {
        let cursor = '0';
        do {
          const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
          if (keys.length > 0) await redis.del(...keys);
          cursor = nextCursor;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    });
  }
  if (resources.databaseName) {
    await attempt(`dropping database ${resources.databaseName}`, () =>
      withRootClient((root) => root.query(`drop database if exists ${pg.escapeIdentifier(resources.databaseName!)} with (force)`)),
    );
  }
  return problems;
}

/**
 * Installs the Ctrl-C handler of a benchmark: the first sets
 * interruption.interrupted (the run stops and cleans up), a second exits at
 * once. Returns the uninstall.
 */
export function onInterrupt(progress: (message: string) => void): () => void {
  const onSigint = () => {
    if (interruption.interrupted) process.exit(130);
    interruption.interrupted = true;
    progress('interrupted; cleaning up (Ctrl-C again to exit at once)');
  };
  process.on('SIGINT', onSigint);
  return () => process.off('SIGINT', onSigint);
}

/**
 * The frame of a benchmark's main(): Ctrl-C handling, the body, cleanup
 * (also after an error or Ctrl-C), then the report on stdout (nothing when
 * the body failed). `body` fills `report`. Returns the exit status.
 */
export async function runBench(name: string, resources: Resources, body: (report: string[]) => Promise<void>): Promise<number> {
  const progress = (message: string) => process.stderr.write(`${name}: ${message}\n`);
  const report: string[] = [];
  let failed = false;
  const offSigint = onInterrupt(progress);
  try {
    await body(report);
  } catch (error) {
    failed = true;
    report.length = 0;
    if (error instanceof Interrupted || interruption.interrupted) progress('interrupted');
    else process.stderr.write(`${name} failed: ${(error as Error).stack ?? String(error)}\n`);
  } finally {
    progress('cleaning up');
    const problems = await cleanup(resources);
    for (const problem of problems) process.stderr.write(`${name}: cleanup: ${problem}\n`);
    if (problems.length > 0) failed = true;
    offSigint();
  }
  if (report.length > 0) process.stdout.write(`${report.join('\n')}\n`);
  return interruption.interrupted ? 130 : failed ? 1 : 0;
}
