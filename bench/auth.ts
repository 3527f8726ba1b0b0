// Authentication benchmark: the service's three ways of answering
// ApiKeyService.authenticate (in-process cache hit, Redis hit, PostgreSQL)
// against physical anchors measured in the same run (a raw ioredis GET and a
// raw prepared primary-key SELECT), with the same number of calls in flight.
// See bench/README.md. Run: npm run bench:auth -- [--count N] [--concurrency N]
import { randomBytes } from 'node:crypto';
import { Command } from 'commander';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { App } from '../src/app.js';
import type { AuthContext } from '../src/api-keys/api-keys.js';
import { KeyMaterial } from '../src/api-keys/key-material.js';
import { testEnv } from '../test/support/env.js';
import {
  cleanup,
  createBenchDatabase,
  defaultPoolSize,
  drive,
  fmtMs,
  fmtOps,
  HMAC_SECRET,
  Interrupted,
  interruption,
  median,
  onInterrupt,
  positiveInt,
  rootUrlFor,
  spy,
  startBenchApp as startApp,
  waitForRedis,
  type Resources,
  type Run,
} from './common.js';

// ---------------------------------------------------------------- options

const program = new Command('bench:auth')
  .description(
    'Authentication throughput and latency of the service (in-process cache hit, Redis hit, PostgreSQL) ' +
      'against a raw Redis GET and a raw prepared primary-key SELECT measured in the same run.\n' +
      'Needs PostgreSQL (superuser, TEST_ROOT_DATABASE_URL) and Redis (TEST_REDIS_URL); builds and drops its own database.',
  )
  .option('--count <n>', 'measured calls per run of each measurement', positiveInt, 20_000)
  .option('--concurrency <n>', 'calls kept in flight', positiveInt, 32)
  .option('--warmup <n>', 'unmeasured calls per measurement before the first run', positiveInt, 2_000)
  .option('--rounds <n>', 'runs of each measurement (the median run is reported)', positiveInt, 3)
  .option('--pool-size <n>', 'PostgreSQL pool size of the service and of the SELECT anchor', positiveInt, defaultPoolSize())
  .option('--keys <n>', 'distinct API keys; call i presents key i mod n (the anchors read as many rows/values)', positiveInt, 256)
  .showHelpAfterError();
program.parse();
const opts = program.opts<{ count: number; concurrency: number; warmup: number; rounds: number; poolSize: number; keys: number }>();

const CONTEXT: AuthContext = { platform: 'claude', model: 'claude-sonnet-4-20250514', userAgent: 'claude-cli/1.0.105 (external, cli)' };
const ANCHOR_SELECT = 'select id, name, is_active from relaypg.api_keys where id = $1';
const GOALS = { redisRatio: 0.7, pgRatio: 0.6, l1P99Ms: 0.1 };

const progress = (message: string) => process.stderr.write(`bench:auth: ${message}\n`);

const startBenchApp = (resources: Resources, overrides: Record<string, string>): Promise<App> => startApp(resources, opts.poolSize, overrides);

// ---------------------------------------------------------------- the benchmark

interface Measurement {
  label: string;
  call: (i: number) => Promise<unknown>;
  runs: Run[];
}

async function main(): Promise<number> {
  const resources: Resources = { redisPrefix: `relaypg-bench-${randomBytes(4).toString('hex')}:`, apps: [] };
  let report: string[] = [];
  let failed = false;
  const offSigint = onInterrupt(progress);
  try {
    progress(`creating and migrating a database (redis prefix ${resources.redisPrefix})`);
    await createBenchDatabase(resources);

    // Path 1: default L1 settings (in-process hit every time after the first).
    const l1App = await startBenchApp(resources, {});
    // Path 2: L1 off (no in-process entry can be kept), Redis on.
    const redisApp = await startBenchApp(resources, { AUTH_CACHE_L1_MAX_ENTRIES: '0', AUTH_CACHE_L1_TTL_MS: '0' });
    // Path 3: L1 and Redis off: every call is api.authenticate_api_key.
    const pgApp = await startBenchApp(resources, { AUTH_CACHE_L1_MAX_ENTRIES: '0', AUTH_CACHE_L1_TTL_MS: '0', AUTH_CACHE_REDIS_TTL_SECONDS: '0' });
    if (pgApp.redis !== null) throw new Error('the PostgreSQL path app unexpectedly has a Redis connection');
    await waitForRedis(l1App.redis!);
    await waitForRedis(redisApp.redis!);

    progress(`creating ${opts.keys} keys`);
    const keys: { id: string; plainKey: string }[] = [];
    for (let i = 0; i < opts.keys; i++) {
      const { apiKey, plainKey } = await l1App.apiKeys.create({ name: `bench-${i}` });
      keys.push({ id: apiKey.id, plainKey });
    }
    const keyOf = (i: number) => keys[i % keys.length]!;

    // Anchors: one ioredis connection (like the service), a pg.Pool of the service's size, as many values/rows as keys.
    const anchorRedis = new Redis(testEnv.redisUrl);
    resources.anchorRedis = anchorRedis;
    anchorRedis.on('error', () => undefined);
    await waitForRedis(anchorRedis);
    const anchorKeys = keys.map((_, i) => `${resources.redisPrefix}anchor:${i}`);
    for (const anchorKey of anchorKeys) await anchorRedis.set(anchorKey, 'x'.repeat(64), 'EX', 3600);
    const anchorPool = new pg.Pool({ connectionString: rootUrlFor(resources.databaseName!), max: opts.poolSize, application_name: 'relaypg-bench-anchor' });
    resources.anchorPool = anchorPool;
    anchorPool.on('error', () => undefined);
    const anchorSelect = (i: number) => anchorPool.query({ name: 'bench_pk_select', text: ANCHOR_SELECT, values: [keyOf(i).id] });

    // ---- sanity: each path is answered where it claims to be.
    const accepted = (app: App) => async (i: number) => {
      const { id, plainKey } = keyOf(i);
      const key = await app.apiKeys.authenticate(plainKey, CONTEXT);
      if (key.id !== id) throw new Error('authenticated the wrong key');
    };
    // Misses: PostgreSQL, then the fill script writes Redis in the background.
    for (let i = 0; i < keys.length; i++) await accepted(redisApp)(i);
    const entryPattern = `${resources.redisPrefix}auth:d:*:claude:*`;
    const countEntries = async () => {
      let cursor = '0';
      let found = 0;
      do {
        const [next, batch] = await anchorRedis.scan(cursor, 'MATCH', entryPattern, 'COUNT', 1000);
        found += batch.length;
        cursor = next;
      } while (cursor !== '0');
      return found;
    };
    for (let i = 0; (await countEntries()) < keys.length; i++) {
      if (i > 100) throw new Error(`the Redis path's cache entries (${entryPattern}) never all appeared in Redis`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    /** Counts pool queries, and Redis commands and the keys they read, while `body` runs on `app`. */
    const counting = async <T>(app: App, body: () => Promise<T>) => {
      const tally = { queries: 0, redisCommands: 0, redisKeys: 0 };
      const read = (...args: unknown[]) => {
        tally.redisCommands++;
        tally.redisKeys += Array.isArray(args[0]) ? args[0].length : args.length;
      };
      const restore = [
        spy(app.pool, 'query', () => tally.queries++),
        app.redis ? spy(app.redis, 'get', read) : () => undefined,
        app.redis ? spy(app.redis, 'mget', read) : () => undefined,
      ];
      try {
        return { result: await body(), tally };
      } finally {
        for (const undo of restore) undo();
      }
    };
    const sequentially = (app: App, calls: number) => async () => {
      for (let i = 0; i < calls; i++) await accepted(app)(i);
    };
    await sequentially(l1App, keys.length)();
    const checks = {
      l1: (await counting(l1App, sequentially(l1App, 50))).tally,
      redis: (await counting(redisApp, sequentially(redisApp, 50))).tally,
      pg: (await counting(pgApp, sequentially(pgApp, 50))).tally,
    };
    const sane =
      checks.l1.queries === 0 && checks.l1.redisKeys === 0 &&
      checks.redis.queries === 0 && checks.redis.redisKeys === 50 && redisApp.cache.localSize === 0 &&
      checks.pg.queries === 50 && pgApp.cache.localSize === 0;
    if (!sane) throw new Error(`a path is not answered where it should be: ${JSON.stringify(checks)} (L1 sizes: redis path ${redisApp.cache.localSize}, pg path ${pgApp.cache.localSize})`);
    const sanity =
      `sanity (50 calls each, one at a time, over ${opts.keys} keys): in-process path ${checks.l1.queries} queries, ${checks.l1.redisKeys} Redis reads; ` +
      `Redis path ${checks.redis.queries} queries, ${checks.redis.redisKeys} Redis reads (entries present in Redis); ` +
      `PostgreSQL path ${checks.pg.queries} queries, ${checks.pg.redisKeys} Redis reads`;

    const measurements = {
      l1: { label: 'service: in-process cache hit', call: accepted(l1App), runs: [] } as Measurement,
      redisAnchor: { label: 'anchor: raw ioredis GET', call: (i: number) => anchorRedis.get(anchorKeys[i % anchorKeys.length]!), runs: [] } as Measurement,
      redis: { label: 'service: Redis hit', call: accepted(redisApp), runs: [] } as Measurement,
      pgAnchor: { label: 'anchor: raw prepared PK SELECT', call: anchorSelect, runs: [] } as Measurement,
      pg: { label: 'service: PostgreSQL', call: accepted(pgApp), runs: [] } as Measurement,
    };
    const all = Object.values(measurements);

    const roundTrips = { redis: 0, pg: 0 };
    progress(`warm-up: ${opts.warmup} calls each, ${opts.concurrency} in flight`);
    for (const m of all) await drive(m.call, opts.warmup, opts.concurrency, false);

    // Alternate anchor and path inside each round, and flip the order every round.
    for (let round = 0; round < opts.rounds; round++) {
      const pairs: Measurement[][] = [
        [measurements.redisAnchor, measurements.redis],
        [measurements.pgAnchor, measurements.pg],
      ];
      const order = round % 2 === 0 ? pairs.flat() : pairs.map((pair) => [...pair].reverse()).flat();
      order.push(measurements.l1);
      for (const m of order) {
        progress(`round ${round + 1}/${opts.rounds}: ${m.label}`);
        if (m === measurements.redis || m === measurements.pg) {
          // The service batches concurrent lookups: count its round trips too.
          const { result, tally } = await counting(m === measurements.redis ? redisApp : pgApp, () => drive(m.call, opts.count, opts.concurrency));
          m.runs.push(result);
          roundTrips[m === measurements.redis ? 'redis' : 'pg'] += m === measurements.redis ? tally.redisCommands : tally.queries;
        } else {
          m.runs.push(await drive(m.call, opts.count, opts.concurrency));
        }
      }
    }

    // Informative: the in-process hit with one call in flight (service time, no queueing behind 31 others).
    progress('in-process cache hit with 1 in flight');
    const l1Single = await drive(measurements.l1.call, opts.count, 1);

    // ---- report
    const best = Object.fromEntries(Object.entries(measurements).map(([k, m]) => [k, median(m.runs)])) as Record<keyof typeof measurements, Run>;
    const redisRatio = best.redis.ops / best.redisAnchor.ops;
    const pgRatio = best.pg.ops / best.pgAnchor.ops;
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    report.push(
      `bench:auth: ${opts.count} calls per run, ${opts.concurrency} in flight, warm-up ${opts.warmup}, pool size ${opts.poolSize} (service and SELECT anchor), ` +
        `${opts.rounds} runs per measurement alternating anchor and path; figures are from the median run (by ops/s)`,
      sanity,
      '',
      `${'measurement'.padEnd(34)} ${'ops/s'.padStart(9)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'cpu us/op'.padStart(10)}   runs (ops/s)`,
      `  (cpu us/op: this Node process's CPU time per call in that run; PostgreSQL and Redis server time is not included)`,
    );
    const row = (label: string, r: Run, note: string) =>
      `${label.padEnd(34)} ${fmtOps(r.ops).padStart(9)} ${fmtMs(r.p50).padStart(9)} ${fmtMs(r.p99).padStart(9)} ${r.cpuUs.toFixed(1).padStart(10)}   ${note}`;
    for (const m of [measurements.l1, measurements.redisAnchor, measurements.redis, measurements.pgAnchor, measurements.pg]) {
      report.push(row(m.label, median(m.runs), m.runs.map((x) => fmtOps(x.ops)).join(' ')));
      if (m === measurements.l1) report.push(row('  (same, 1 in flight)', l1Single, 'one run, informative'));
    }
    const measuredCalls = opts.count * opts.rounds;
    report.push(
      `  (round trips: the Redis path read ${(measuredCalls / roundTrips.redis).toFixed(1)} entries per Redis command (MGET) on average, ` +
        `the PostgreSQL path decided ${(measuredCalls / roundTrips.pg).toFixed(1)} requests per database call; each anchor call is one round trip)`,
    );
    const perRound = (path: Measurement, anchor: Measurement) => path.runs.map((r, i) => (r.ops / anchor.runs[i]!.ops).toFixed(2)).join(' ');
    report.push(
      '',
      'goals (informative; the exit status does not depend on them):',
      `  Redis path / raw GET          = ${redisRatio.toFixed(2)} (goal >= ${GOALS.redisRatio})  ${met(redisRatio >= GOALS.redisRatio)}   per round: ${perRound(measurements.redis, measurements.redisAnchor)}`,
      `  PostgreSQL path / raw SELECT  = ${pgRatio.toFixed(2)} (goal >= ${GOALS.pgRatio})  ${met(pgRatio >= GOALS.pgRatio)}   per round: ${perRound(measurements.pg, measurements.pgAnchor)}`,
      `  in-process hit p99            = ${fmtMs(best.l1.p99)} ms (goal < ${GOALS.l1P99Ms} ms)  ${met(best.l1.p99 < GOALS.l1P99Ms)}   ` +
        `(${opts.concurrency} in flight: in a closed loop the mean latency is ${opts.concurrency}/throughput = ${fmtMs((opts.concurrency / best.l1.ops) * 1e3)} ms; ` +
        `1 in flight: p99 ${fmtMs(l1Single.p99)} ms, ${met(l1Single.p99 < GOALS.l1P99Ms)})`,
      `auth: l1_ops=${Math.round(best.l1.ops)} redis_ratio=${redisRatio.toFixed(2)} pg_ratio=${pgRatio.toFixed(2)}`,
    );
  } catch (error) {
    failed = true;
    report = [];
    if (error instanceof Interrupted) progress('interrupted');
    else process.stderr.write(`bench:auth failed: ${(error as Error).stack ?? String(error)}\n`);
  } finally {
    progress('cleaning up (apps, database, Redis keys)');
    const problems = await cleanup(resources);
    for (const problem of problems) process.stderr.write(`bench:auth: cleanup: ${problem}\n`);
    if (problems.length > 0) failed = true;
    offSigint();
  }
  if (report.length > 0) process.stdout.write(`${report.join('\n')}\n`);
  return interruption.interrupted ? 130 : failed ? 1 : 0;
}

process.exit(await main());
