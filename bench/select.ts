// Account-selection benchmark: AccountScheduler.select (one call of
// api.select_account) over a pool of shared claude-official accounts and a
// population of sessions most of which already have a live sticky mapping,
// against a raw prepared primary-key SELECT measured in the same run with the
// same number of calls in flight. See bench/README.md.
// Run: npm run bench:select -- [--count N] [--concurrency N] [--help]
import { randomBytes, randomInt } from 'node:crypto';
import { Command, InvalidArgumentError } from 'commander';
import pg from 'pg';
import type { App } from '../src/app.js';
import type { Selection } from '../src/accounts/scheduler.js';
import {
  cleanup,
  createBenchDatabase,
  defaultPoolSize,
  drive,
  fmtMs,
  fmtOps,
  Interrupted,
  interruption,
  median,
  onInterrupt,
  positiveInt,
  rootUrlFor,
  spy,
  startBenchApp,
  type Resources,
  type Run,
} from './common.js';

// ---------------------------------------------------------------- options

const shareOf = (value: string): number => {
  const x = Number(value);
  if (!Number.isFinite(x) || x < 0 || x > 1) throw new InvalidArgumentError('must be a number from 0 to 1');
  return x;
};

const program = new Command('bench:select')
  .description(
    'Account selection (AccountScheduler.select -> api.select_account) with sticky sessions, against a raw prepared ' +
      'primary-key SELECT measured in the same run with the same calls in flight.\n' +
      'Needs PostgreSQL (superuser, TEST_ROOT_DATABASE_URL); builds and drops its own database. Redis is not used.',
  )
  .option('--count <n>', 'measured calls per run of each measurement', positiveInt, 20_000)
  .option('--concurrency <n>', 'calls kept in flight', positiveInt, 32)
  .option('--warmup <n>', 'unmeasured calls per measurement before the first run (after the sessions are warmed)', positiveInt, 2_000)
  .option('--rounds <n>', 'runs of each measurement (the median run is reported)', positiveInt, 3)
  .option('--pool-size <n>', 'PostgreSQL pool size of the service and of the SELECT anchor', positiveInt, defaultPoolSize())
  .option('--accounts <n>', 'shared claude-official accounts (priorities 10..50, in groups of 4 per level for 20)', positiveInt, 20)
  .option('--sessions <n>', 'session population; sessions x hit-ratio of them get a live mapping before measuring', positiveInt, 10_000)
  .option('--hit-ratio <x>', 'share of measured calls on a mapped session (sticky hit); the others use a never-seen hash (pool pick + mapping insert)', shareOf, 0.9)
  .option('--no-vacuum', 'do not VACUUM ANALYZE the bench database after warming the sessions and before each round')
  .showHelpAfterError();
program.parse();
const opts = program.opts<{
  count: number;
  concurrency: number;
  warmup: number;
  rounds: number;
  poolSize: number;
  accounts: number;
  sessions: number;
  hitRatio: number;
  vacuum: boolean;
}>();

const MODEL = 'claude-sonnet-4-20250514';
const PRIORITY_LEVELS = 5;
const ANCHOR_SELECT = 'select id, kind, version from relaypg.accounts where id = $1';
const GOALS = { ratio: 0.4, p99Ms: 5 };

const progress = (message: string) => process.stderr.write(`bench:select: ${message}\n`);
const newSessionHash = () => randomBytes(16).toString('hex');

// ---------------------------------------------------------------- request plans

/** The session hash of each call of a run, and the account a warmed one is mapped to (undefined: a never-seen hash). */
interface Plan {
  hashes: string[];
  expected: (string | undefined)[];
}

/**
 * `count` calls: exactly round(count x hitRatio) of them on a warmed session
 * (drawn uniformly, with replacement), the others on a fresh hash, in a random order.
 */
function makePlan(count: number, hitRatio: number, warmed: { hashes: string[]; accounts: string[] }): Plan {
  const hits = Math.round(count * hitRatio);
  const isHit = Array.from({ length: count }, (_, i) => i < hits);
  for (let i = count - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [isHit[i], isHit[j]] = [isHit[j]!, isHit[i]!];
  }
  const plan: Plan = { hashes: new Array<string>(count), expected: new Array<string | undefined>(count) };
  for (let i = 0; i < count; i++) {
    if (isHit[i] && warmed.hashes.length > 0) {
      const w = randomInt(warmed.hashes.length);
      plan.hashes[i] = warmed.hashes[w]!;
      plan.expected[i] = warmed.accounts[w]!;
    } else {
      plan.hashes[i] = newSessionHash();
      plan.expected[i] = undefined;
    }
  }
  return plan;
}

/** Calls whose outcome was not the one planned (a warmed session not sticky to its account, a fresh one sticky). */
interface Tally {
  sticky: number;
  fresh: number;
  wrong: number;
}

// ---------------------------------------------------------------- the benchmark

interface Measurement {
  label: string;
  runs: Run[];
}

async function main(): Promise<number> {
  const resources: Resources = { apps: [] };
  let report: string[] = [];
  let failed = false;
  const offSigint = onInterrupt(progress);
  try {
    progress('creating and migrating a database');
    await createBenchDatabase(resources);

    // The service as deployed, less what the selection does not use: no Redis
    // (the auth cache), no maintenance timer (it would purge sessions mid-run).
    // Two instances on the same database: `app` without remembered selections
    // (every call is one database call: the path the goal is about), and
    // `cachedApp` as configured by default (a returning session is answered in
    // process, see src/accounts/selection-cache.ts).
    const app: App = await startBenchApp(resources, opts.poolSize, {
      AUTH_CACHE_REDIS_TTL_SECONDS: '0',
      MAINTENANCE_INTERVAL_SECONDS: '0',
      SELECTION_CACHE_TTL_MS: '0',
    });
    const cachedApp: App = await startBenchApp(resources, opts.poolSize, { AUTH_CACHE_REDIS_TTL_SECONDS: '0', MAINTENANCE_INTERVAL_SECONDS: '0' });
    if (app.redis !== null || cachedApp.redis !== null) throw new Error('the bench apps unexpectedly have a Redis connection');
    const stickyTtlHours = app.config.STICKY_SESSION_TTL_HOURS;
    const renewalMinutes = app.config.STICKY_SESSION_RENEWAL_THRESHOLD_MINUTES;

    progress(`creating ${opts.accounts} claude-official accounts and an API key`);
    const accountIds: string[] = [];
    const priorityOf = new Map<string, number>();
    for (let i = 0; i < opts.accounts; i++) {
      const priority = 10 * (1 + (i % PRIORITY_LEVELS));
      const account = await app.accounts.create({
        kind: 'claude-official',
        name: `bench-${String(i).padStart(2, '0')}`,
        priority,
        accountType: 'shared',
        subscriptionPlan: 'max',
        secrets: {
          accessToken: `sk-ant-oat01-bench-${randomBytes(24).toString('hex')}`,
          refreshToken: `sk-ant-ort01-bench-${randomBytes(24).toString('hex')}`,
        },
      });
      accountIds.push(account.id);
      priorityOf.set(account.id, priority);
    }
    const { apiKey } = await app.apiKeys.create({ name: 'bench' });

    const selectOn = (instance: App) => (sessionHash: string): Promise<Selection> =>
      instance.scheduler.select({ apiKeyId: apiKey.id, platform: 'claude', model: MODEL, sessionHash });
    const select = selectOn(app);
    /** The path's call for a plan; counts outcomes into `tally`. */
    const pathCall = (plan: Plan, tally: Tally, instance: App = app) => async (i: number) => {
      const selection = await selectOn(instance)(plan.hashes[i]!);
      const expected = plan.expected[i];
      if (selection.sticky) tally.sticky++;
      else tally.fresh++;
      if (expected === undefined ? selection.sticky : !selection.sticky || selection.accountId !== expected) tally.wrong++;
    };
    const newTally = (): Tally => ({ sticky: 0, fresh: 0, wrong: 0 });
    const checkTally = (what: string, tally: Tally) => {
      if (tally.wrong > 0) throw new Error(`${what}: ${tally.wrong} calls were not answered as planned (${JSON.stringify(tally)})`);
    };

    // Anchor: a pg.Pool of the service's size, as superuser, a named (prepared) PK SELECT.
    const anchorPool = new pg.Pool({ connectionString: rootUrlFor(resources.databaseName!), max: opts.poolSize, application_name: 'relaypg-bench-anchor' });
    resources.anchorPool = anchorPool;
    anchorPool.on('error', () => undefined);
    const anchorCall = (i: number) => anchorPool.query({ name: 'bench_pk_select', text: ANCHOR_SELECT, values: [accountIds[i % accountIds.length]!] });

    // Every selection that is not a sticky hit rewrites an account row (last_used_at), and
    // autovacuum may be off (these machines run PostgreSQL with autovacuum = off): start
    // each round from a vacuumed database rather than from one bloated by the previous rounds.
    const vacuum = async () => {
      if (opts.vacuum) await anchorPool.query('vacuum (analyze)');
    };

    // ---- the sessions: sessions x hit-ratio of them get a live mapping (one selection each).
    const warmedCount = Math.round(opts.sessions * opts.hitRatio);
    const warmed = { hashes: Array.from({ length: warmedCount }, newSessionHash), accounts: new Array<string>(warmedCount) };
    progress(`warming ${warmedCount} of ${opts.sessions} sessions (one selection each, ${opts.concurrency} in flight)`);
    const warmTally = newTally();
    const WARM_CHUNK = 1_000; // each warming call is a pool pick: vacuum between chunks
    for (let start = 0; start < warmedCount; start += WARM_CHUNK) {
      await drive(
        async (i) => {
          const selection = await select(warmed.hashes[start + i]!);
          warmed.accounts[start + i] = selection.accountId;
          if (selection.sticky) warmTally.wrong++;
        },
        Math.min(WARM_CHUNK, warmedCount - start),
        opts.concurrency,
        false,
      );
      await vacuum();
    }
    checkTally('warming the sessions', warmTally);
    // The default instance learns the warmed sessions (sticky hits, answered by the database once).
    const cachedWarmTally = newTally();
    await drive(pathCall({ hashes: warmed.hashes, expected: warmed.accounts }, cachedWarmTally, cachedApp), warmedCount, opts.concurrency, false);
    checkTally('warming the default instance', cachedWarmTally);

    // ---- sanity: one query per call; warmed sessions are sticky hits on their
    // account, fresh ones are pool picks that leave a mapping behind.
    const counted = async (plan: Plan, instance: App = app) => {
      const tally = newTally();
      let queries = 0;
      const undo = spy(instance.selectionPool, 'query', () => queries++);
      try {
        const call = pathCall(plan, tally, instance);
        for (let i = 0; i < plan.hashes.length; i++) await call(i);
      } finally {
        undo();
      }
      return { queries, ...tally };
    };
    const hitPlan = makePlan(50, 1, warmed);
    const freshPlan = makePlan(50, 0, warmed);
    const checks = {
      hits: await counted(hitPlan),
      fresh: await counted(freshPlan),
      again: await counted({ hashes: freshPlan.hashes, expected: freshPlan.hashes.map(() => undefined) }),
      cachedHits: await counted(makePlan(50, 1, warmed), cachedApp),
    };
    const sane =
      checks.hits.queries === 50 && checks.hits.sticky === 50 && checks.hits.wrong === 0 &&
      checks.fresh.queries === 50 && checks.fresh.fresh === 50 && checks.fresh.wrong === 0 &&
      checks.again.queries === 50 && checks.again.sticky === 50 &&
      checks.cachedHits.queries === 0 && checks.cachedHits.sticky === 50 && checks.cachedHits.wrong === 0;
    if (!sane) throw new Error(`selection is not answered as planned: ${JSON.stringify(checks)}`);
    const sanity =
      `sanity (50 calls each): warmed sessions ${checks.hits.queries} queries, ${checks.hits.sticky} sticky on their account; ` +
      `fresh sessions ${checks.fresh.queries} queries, ${checks.fresh.fresh} pool picks, then ${checks.again.sticky} sticky on the next call; ` +
      `default instance: warmed sessions ${checks.cachedHits.queries} queries, ${checks.cachedHits.sticky} sticky (remembered)`;

    const measurements = {
      anchor: { label: 'anchor: raw prepared PK SELECT', runs: [] } as Measurement,
      path: { label: `service: select (${Math.round(opts.hitRatio * 100)}% sticky)`, runs: [] } as Measurement,
      cached: { label: '  (same, remembered selections on)', runs: [] } as Measurement,
    };
    const tallies: Tally[] = [];
    const runPath = async (count: number, hitRatio: number, concurrency: number, record = true, instance: App = app) => {
      const plan = makePlan(count, hitRatio, warmed);
      const tally = newTally();
      const run = await drive(pathCall(plan, tally, instance), count, concurrency, record);
      checkTally('a measured run', tally);
      return { run, tally };
    };

    progress(`warm-up: ${opts.warmup} calls each, ${opts.concurrency} in flight`);
    await drive(anchorCall, opts.warmup, opts.concurrency, false);
    await runPath(opts.warmup, opts.hitRatio, opts.concurrency, false);

    // Alternate anchor and path inside each round, and flip the order every round.
    for (let round = 0; round < opts.rounds; round++) {
      await vacuum();
      const order = round % 2 === 0 ? (['anchor', 'path'] as const) : (['path', 'anchor'] as const);
      for (const which of order) {
        progress(`round ${round + 1}/${opts.rounds}: ${measurements[which].label}`);
        if (which === 'anchor') measurements.anchor.runs.push(await drive(anchorCall, opts.count, opts.concurrency));
        else {
          const { run, tally } = await runPath(opts.count, opts.hitRatio, opts.concurrency);
          measurements.path.runs.push(run);
          tallies.push(tally);
        }
      }
    }

    // Informative: the two halves of the path on their own, once each.
    await vacuum();
    progress('sticky hits only');
    const hitsOnly = (await runPath(opts.count, 1, opts.concurrency)).run;
    await vacuum();
    progress('pool picks only (never-seen sessions)');
    const picksOnly = (await runPath(opts.count, 0, opts.concurrency)).run;
    for (let round = 0; round < opts.rounds; round++) {
      await vacuum();
      progress(`round ${round + 1}/${opts.rounds}: the default instance (remembered selections on)`);
      measurements.cached.runs.push((await runPath(opts.count, opts.hitRatio, opts.concurrency, true, cachedApp)).run);
    }

    const mappings = await anchorPool.query<{ account_id: string; n: string }>(
      'select account_id, count(*) n from relaypg.sticky_sessions group by 1 order by 2 desc',
    );

    // ---- report
    const anchor = median(measurements.anchor.runs);
    const path = median(measurements.path.runs);
    const ratio = path.ops / anchor.ops;
    const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
    const medianTally = tallies[measurements.path.runs.indexOf(path)]!;
    const byPriority = new Map<number, { accounts: number; sessions: number }>();
    for (const row of mappings.rows) {
      const p = priorityOf.get(row.account_id)!;
      const entry = byPriority.get(p) ?? { accounts: 0, sessions: 0 };
      entry.accounts++;
      entry.sessions += Number(row.n);
      byPriority.set(p, entry);
    }
    report.push(
      `bench:select: ${opts.count} calls per run, ${opts.concurrency} in flight, warm-up ${opts.warmup}, pool size ${opts.poolSize} (service and SELECT anchor), ` +
        `${opts.rounds} runs per measurement alternating anchor and path; figures are from the median run (by ops/s); ` +
        (opts.vacuum ? 'VACUUM ANALYZE before each round' : 'no VACUUM (--no-vacuum)'),
      `setup: ${opts.accounts} shared claude-official accounts (priorities ${[...new Set(priorityOf.values())].sort((a, b) => a - b).join('/')}), one API key without bindings, ` +
        `model ${MODEL}; ${warmedCount} of ${opts.sessions} sessions mapped before measuring; sticky TTL ${stickyTtlHours} h, renewal under ${renewalMinutes} min`,
      `calls: ${Math.round(opts.hitRatio * 100)}% on a mapped session drawn at random, the rest on a never-seen hash; ` +
        `median run: ${medianTally.sticky} sticky hits, ${medianTally.fresh} pool picks, all on the planned account`,
      `mappings at the end, by account priority: ${[...byPriority.entries()].sort((a, b) => a[0] - b[0]).map(([p, e]) => `priority ${p}: ${e.sessions} sessions on ${e.accounts} accounts`).join('; ')}`,
      sanity,
      '',
      `${'measurement'.padEnd(34)} ${'ops/s'.padStart(9)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'cpu us/op'.padStart(10)}   runs (ops/s)`,
      `  (cpu us/op: this Node process's CPU time per call in that run; PostgreSQL server time is not included)`,
    );
    const row = (label: string, r: Run, note: string) =>
      `${label.padEnd(34)} ${fmtOps(r.ops).padStart(9)} ${fmtMs(r.p50).padStart(9)} ${fmtMs(r.p99).padStart(9)} ${r.cpuUs.toFixed(1).padStart(10)}   ${note}`;
    for (const m of [measurements.anchor, measurements.path]) report.push(row(m.label, median(m.runs), m.runs.map((x) => fmtOps(x.ops)).join(' ')));
    report.push(
      row('  (sticky hits only)', hitsOnly, 'one run, informative'),
      row('  (pool picks only)', picksOnly, 'one run, informative'),
      row(measurements.cached.label, median(measurements.cached.runs), `${measurements.cached.runs.map((x) => fmtOps(x.ops)).join(' ')}; informative`),
    );
    const perRound = measurements.path.runs.map((r, i) => (r.ops / measurements.anchor.runs[i]!.ops).toFixed(2)).join(' ');
    report.push(
      '',
      'goals (informative; the exit status does not depend on them):',
      `  select / raw SELECT  = ${ratio.toFixed(2)} (goal >= ${GOALS.ratio})  ${met(ratio >= GOALS.ratio)}   per round: ${perRound}`,
      `  select p99           = ${fmtMs(path.p99)} ms (goal < ${GOALS.p99Ms} ms)  ${met(path.p99 < GOALS.p99Ms)}   ` +
        `(${opts.concurrency} in flight: in a closed loop the mean latency is ${opts.concurrency}/throughput = ${fmtMs((opts.concurrency / path.ops) * 1e3)} ms)`,
      `  (remembered selections on: ${(median(measurements.cached.runs).ops / anchor.ops).toFixed(2)} of the anchor, p99 ${fmtMs(median(measurements.cached.runs).p99)} ms;` +
        ' the goal is judged on the database path above)',
      `select: ops=${Math.round(path.ops)} ratio=${ratio.toFixed(2)}`,
    );
  } catch (error) {
    failed = true;
    report = [];
    if (error instanceof Interrupted) progress('interrupted');
    else process.stderr.write(`bench:select failed: ${(error as Error).stack ?? String(error)}\n`);
  } finally {
    progress('cleaning up (app, database)');
    const problems = await cleanup(resources);
    for (const problem of problems) process.stderr.write(`bench:select: cleanup: ${problem}\n`);
    if (problems.length > 0) failed = true;
    offSigint();
  }
  if (report.length > 0) process.stdout.write(`${report.join('\n')}\n`);
  return interruption.interrupted ? 130 : failed ? 1 : 0;
}

process.exit(await main());
