// Usage benchmark: recording usage events with api.record_usage (the
// generated recordUsage query through preparedConnection, as the runtime
// role, as the service does) one event per call and in batches, against a
// raw prepared single-row INSERT of an equally wide row into a plain table,
// measured in the same run with the same calls in flight; and, with --stats,
// the statistics functions over a generated 90-day history (10 million events
// by default). See bench/README.md.
// Run: npm run bench:usage -- [--count N] [--stats] [--help]
import { randomUUID } from 'node:crypto';
import { statfs } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import type pg from 'pg';
import { preparedConnection, type Queryable } from '../src/db.js';
import { keyUsage, recentUsage, recordUsage, usageByModel, usageTotals } from '../src/usage/usage.queries.js';
import { UsageRecorder, UsageRecorderMetrics } from '../src/usage/usage-recorder.js';
import type { UsageEvent as ServiceUsageEvent } from '../src/usage/usage.js';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import {
  appUrlFor,
  benchPool,
  cleanup,
  createBenchDatabase,
  defaultPoolSize,
  drive,
  envPositiveInt,
  fmtDuration,
  fmtMs,
  fmtOps,
  Interrupted,
  interruption,
  median,
  met,
  ownerUrlFor,
  positiveInt,
  ratiosPerRound,
  rootUrlFor,
  runBench,
  type Resources,
  type Run,
} from './common.js';

// ---------------------------------------------------------------- options

const MAX_BATCH = 5000; // api.record_usage's limit per call

const batchSizeOf = (value: string): number => {
  const n = positiveInt(value);
  if (n > MAX_BATCH) throw new InvalidArgumentError(`must be at most ${MAX_BATCH} (api.record_usage's limit)`);
  return n;
};

const program = new Command('bench:usage')
  .description(
    'Usage recording (api.record_usage through the generated query, as the runtime role) one event per call and in batches, ' +
      'against a raw prepared single-row INSERT of an equally wide row into a plain table, same count and calls in flight; ' +
      'with --stats also the statistics functions over a generated 90-day history.\n' +
      'Needs PostgreSQL (superuser, TEST_ROOT_DATABASE_URL); builds and drops its own database. Redis is not used.',
  )
  .option('--count <n>', 'events per run of each recording measurement (env BENCH_USAGE_COUNT)', positiveInt, envPositiveInt('BENCH_USAGE_COUNT', 20_000))
  .option('--concurrency <n>', 'calls kept in flight: single-event recording, the anchor, the statistics', positiveInt, 32)
  .option('--recorder-batch <n>', 'most events per call of the usage recorder (USAGE_BATCH_MAX_EVENTS)', batchSizeOf, 256)
  .option('--recorder-concurrency <n>', 'calls the usage recorder keeps in flight (USAGE_FLUSH_CONCURRENCY)', positiveInt, 2)
  .option('--batch-size <n>', `events per call of batched recording (at most ${MAX_BATCH})`, batchSizeOf, 500)
  .option('--batch-concurrency <n>', 'batched calls kept in flight', positiveInt, 4)
  .option('--warmup <n>', 'unmeasured events of each recording measurement before the first run', positiveInt, 2_000)
  .option('--rounds <n>', 'runs of each measurement (the median run is reported)', positiveInt, 3)
  .option('--pool-size <n>', 'connections of the service pool and of the INSERT anchor', positiveInt, defaultPoolSize())
  .option('--keys <n>', 'API keys the events are spread over', positiveInt, 200)
  .option('--accounts <n>', 'upstream accounts the events are spread over', positiveInt, 6)
  .option('--no-vacuum', 'do not VACUUM ANALYZE the bench database before each round')
  .option('--stats', '(c) also measure the statistics functions over a generated history (long: about 6 min at 10M events on 2 cores, see bench/README.md)')
  .option('--stats-only', 'only (c): skip the recording measurements (implies --stats)')
  .option('--stats-events <n>', 'events of the generated 90-day history (env BENCH_USAGE_STATS_EVENTS)', positiveInt, envPositiveInt('BENCH_USAGE_STATS_EVENTS', 10_000_000))
  .option('--stats-chunk <n>', 'events generated per INSERT statement (each its own transaction, rolled up after it)', positiveInt, 1_000_000)
  .option('--stats-count <n>', 'calls per measured run of each statistics measurement', positiveInt, 5_000)
  .option('--keep-database', 'do not drop the bench database at the end (for EXPLAIN or pgbench afterwards; drop it yourself)')
  .showHelpAfterError();
program.parse();
const opts = program.opts<{
  count: number;
  concurrency: number;
  recorderBatch: number;
  recorderConcurrency: number;
  batchSize: number;
  batchConcurrency: number;
  warmup: number;
  rounds: number;
  poolSize: number;
  keys: number;
  accounts: number;
  vacuum: boolean;
  stats?: boolean;
  statsOnly?: boolean;
  statsEvents: number;
  statsChunk: number;
  statsCount: number;
  keepDatabase?: boolean;
}>();
const runRecording = !opts.statsOnly;
const runStats = Boolean(opts.stats || opts.statsOnly);

const GOALS = { singleRatio: 0.7, batchRatio: 10, keyP99Ms: 5, dashboardP99Ms: 50 };
const STATS_DAYS = 90;
const progress = (message: string) => process.stderr.write(`bench:usage: ${message}\n`);
const checkInterrupted = () => {
  if (interruption.interrupted) throw new Interrupted();
};

// ---------------------------------------------------------------- the event mix

// The same mix is generated in JavaScript (recording) and in SQL (the
// statistics history, STATS_INSERT below): 70% Sonnet 4, 15% Opus 4.1, 5% Opus
// 4, 10% Haiku 3.5; cache reads on 85% of requests (30% for Haiku); cache
// writes on 60%, 30% of those with a 5m/1h split; 90% streamed.
const MODELS = ['claude-sonnet-4-20250514', 'claude-opus-4-1-20250805', 'claude-opus-4-20250514', 'claude-3-5-haiku-20241022'] as const;
const pickModel = (r: number) => (r < 0.7 ? 0 : r < 0.85 ? 1 : r < 0.9 ? 2 : 3);
/** USD per token (input, output, 5m write, 1h write, read): the anchor's cost columns only need realistic widths. */
const ANCHOR_PRICES = [
  [3e-6, 15e-6, 3.75e-6, 6e-6, 0.3e-6],
  [15e-6, 75e-6, 18.75e-6, 30e-6, 1.5e-6],
  [15e-6, 75e-6, 18.75e-6, 30e-6, 1.5e-6],
  [0.8e-6, 4e-6, 1e-6, 1.6e-6, 0.08e-6],
] as const;
const ACCOUNT_KINDS = ['claude-official', 'claude-official', 'claude-official', 'claude-console', 'ccr', 'bedrock'];
const CLAUDE_KINDS = new Set(['claude-official', 'claude-console', 'ccr']);

interface Population {
  keys: string[];
  accounts: { id: string; kind: string }[];
}

function makePopulation(): Population {
  return {
    keys: Array.from({ length: opts.keys }, () => randomUUID()),
    accounts: Array.from({ length: opts.accounts }, (_, i) => ({ id: randomUUID(), kind: ACCOUNT_KINDS[i % ACCOUNT_KINDS.length]! })),
  };
}

/** What the service sends api.record_usage for one request (camelCase JSON). */
interface UsageEvent {
  requestId: string;
  occurredAt: string;
  apiKeyId: string;
  accountId: string;
  accountKind: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheCreationTokens: number;
  cacheCreation5mTokens?: number;
  cacheCreation1hTokens?: number;
  cacheReadTokens: number;
  stream: boolean;
  status: number;
  durationMs: number;
  costPath: 'details' | 'plain';
}

/** The same event as the relay hands it to the service (UsageEvent of src/usage/usage.ts). */
function asServiceEvent(e: UsageEvent): ServiceUsageEvent {
  const { occurredAt, cacheCreation5mTokens, cacheCreation1hTokens, ...rest } = e;
  return {
    ...rest,
    accountKind: rest.accountKind as ServiceUsageEvent['accountKind'],
    occurredAt: new Date(occurredAt),
    cacheSplit: cacheCreation5mTokens === undefined ? null : { fiveMinutes: cacheCreation5mTokens, oneHour: cacheCreation1hTokens ?? 0 },
  };
}

function makeEvent(population: Population, occurredAt: Date = new Date()): UsageEvent {
  const m = pickModel(Math.random());
  const opus = m === 1 || m === 2;
  const haiku = m === 3;
  const account = population.accounts[Math.floor(Math.random() * population.accounts.length)]!;
  const cacheCreationTokens = Math.random() < 0.6 ? Math.floor(Math.random() ** 3 * 20_000) : 0;
  const stream = Math.random() < 0.9;
  const event: UsageEvent = {
    requestId: randomUUID(),
    occurredAt: occurredAt.toISOString(),
    // Mildly skewed: the busiest key gets ~3% of the events, the quietest almost none.
    apiKeyId: population.keys[Math.floor(population.keys.length * Math.random() ** 1.5)]!,
    accountId: account.id,
    accountKind: account.kind,
    model: MODELS[m]!,
    inputTokens: 1 + Math.floor(Math.random() ** 3 * (haiku ? 3_000 : 8_000)),
    outputTokens: 1 + Math.floor(Math.random() ** 2 * (opus ? 3_000 : haiku ? 800 : 2_500)),
    cacheCreationTokens,
    cacheReadTokens: Math.random() < (haiku ? 0.3 : 0.85) ? 2_000 + Math.floor(Math.random() * 140_000) : 0,
    stream,
    status: 200,
    durationMs: 300 + Math.floor(Math.random() * 40_000),
    costPath: stream ? 'details' : 'plain',
  };
  if (cacheCreationTokens > 0 && Math.random() < 0.3) {
    event.cacheCreation1hTokens = Math.floor(cacheCreationTokens * Math.random());
    event.cacheCreation5mTokens = cacheCreationTokens - event.cacheCreation1hTokens;
  }
  return event;
}

// ---------------------------------------------------------------- the anchor

const ANCHOR_TABLE = 'public.bench_usage_anchor';
// Every column of relaypg.usage_events, their defaults (recorded_at, recorded_xid) and
// NOT NULLs, no index, no check, no partitions.
const ANCHOR_CREATE = `create table ${ANCHOR_TABLE} (like relaypg.usage_events including defaults)`;
const ANCHOR_COLUMNS = [
  'request_id', 'occurred_at', 'api_key_id', 'account_id', 'account_kind', 'requested_model', 'model', 'input_tokens',
  'output_tokens', 'cache_create_tokens', 'cache_create_5m_tokens', 'cache_create_1h_tokens', 'cache_read_tokens',
  'long_context', 'stream', 'status', 'duration_ms', 'cost_path', 'price_key', 'cost_input', 'cost_output',
  'cost_cache_create', 'cost_cache_read', 'cost_total', 'opus_cost',
];
const ANCHOR_INSERT = `insert into ${ANCHOR_TABLE} (${ANCHOR_COLUMNS.join(', ')}) values (${ANCHOR_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;

/** The anchor's row for an event: what api.record_usage stores for it, costs computed here. */
function anchorRow(e: UsageEvent): unknown[] {
  const m = MODELS.indexOf(e.model as (typeof MODELS)[number]);
  const [ip, op, wp, hp, rp] = ANCHOR_PRICES[m]!;
  const split = e.cacheCreation5mTokens !== undefined;
  const fiveMinutes = split ? e.cacheCreation5mTokens! : e.cacheCreationTokens;
  const oneHour = split ? e.cacheCreation1hTokens! : 0;
  const cost = [e.inputTokens * ip, e.outputTokens * op, fiveMinutes * wp + oneHour * hp, e.cacheReadTokens * rp];
  const total = cost.reduce((a, b) => a + b, 0);
  return [
    e.requestId, e.occurredAt, e.apiKeyId, e.accountId, e.accountKind, e.model, e.model, e.inputTokens, e.outputTokens,
    e.cacheCreationTokens, fiveMinutes, oneHour, e.cacheReadTokens, false, e.stream, e.status, e.durationMs, e.costPath,
    e.model, String(cost[0]), String(cost[1]), String(cost[2]), String(cost[3]), String(total),
    String(m === 1 || m === 2 ? (CLAUDE_KINDS.has(e.accountKind) ? total : 0) : 0),
  ];
}

// ---------------------------------------------------------------- recording (a), (b) and the anchor

type Kind = 'anchor' | 'recorder' | 'single' | 'batch';

interface Measurement {
  label: string;
  /** Events per call (the batch's, for (b)). */
  eventsPerCall: number;
  runs: Run[];
}

/** Events/s of a run of `m` (ops are calls). */
const eventsPerSecond = (m: Measurement, r: Run) => r.ops * m.eventsPerCall;

async function recordingPhase(
  report: string[],
  db: Queryable,
  rootPool: pg.Pool,
  anchorPool: pg.Pool,
  population: Population,
): Promise<{ singleRatio: number; batchRatio: number }> {
  let recorded = 0; // events api.record_usage reported as recorded
  const record = async (events: UsageEvent[] | string, expected: number, what: string) => {
    const rows = await recordUsage.run({ events: typeof events === 'string' ? events : JSON.stringify(events) }, db);
    let fresh = 0;
    for (const row of rows) if (row.recorded) fresh++;
    if (rows.length !== expected || fresh !== expected) throw new Error(`${what}: ${rows.length} results, ${fresh} recorded (expected ${expected} new events)`);
    recorded += fresh;
    return rows;
  };

  // ---- sanity: every event is priced and recorded once; the same ids again are no-ops.
  const sample = Array.from({ length: 20 }, () => makeEvent(population));
  const first = await record(sample, sample.length, 'sanity');
  const unpriced = first.filter((row) => row.cost === null || !(Number(row.cost) > 0));
  if (unpriced.length > 0) throw new Error(`sanity: ${unpriced.length} of ${first.length} events have no cost (a model without a price?)`);
  const again = await recordUsage.run({ events: JSON.stringify(sample) }, db);
  const singleAgain = await recordUsage.run({ events: JSON.stringify([sample[0]]) }, db);
  if (again.some((row) => row.recorded) || singleAgain.some((row) => row.recorded) || again.length !== sample.length) {
    throw new Error('sanity: recording the same request ids again recorded something');
  }
  const ledger = async () =>
    (
      await rootPool.query<{ events: string; lifetime: string; daily: string }>(
        `select (select count(*) from relaypg.usage_events) as events,
                (select coalesce(sum(requests), 0) from relaypg.api_key_usage) as lifetime,
                (select coalesce(sum(requests), 0) from relaypg.api_key_daily_usage) as daily`,
      )
    ).rows[0]!;
  const afterSanity = await ledger();
  if (Number(afterSanity.events) !== recorded || Number(afterSanity.lifetime) !== recorded || Number(afterSanity.daily) !== recorded) {
    throw new Error(`sanity: ${recorded} events recorded but the tables hold ${JSON.stringify(afterSanity)}`);
  }
  const sanity =
    `sanity: ${sample.length} events recorded and priced (cost > 0) in one call; the same ids again (as a batch and alone) recorded nothing; ` +
    `events table, lifetime and daily ledger agree (${recorded})`;

  const measurements: Record<Kind, Measurement> = {
    anchor: { label: 'anchor: prepared 1-row INSERT', eventsPerCall: 1, runs: [] },
    recorder: { label: '(a) recorder, 1 record()/request', eventsPerCall: 1, runs: [] },
    single: { label: '(a0) record_usage, 1 event/call', eventsPerCall: 1, runs: [] },
    batch: { label: `(b) record_usage, ${opts.batchSize} events/call`, eventsPerCall: opts.batchSize, runs: [] },
  };
  const concurrencyOf = (kind: Kind) => (kind === 'batch' ? opts.batchConcurrency : opts.concurrency);

  // The service's per-request path: UsageRecorder (as app.usageRecorder, with
  // the config defaults), sending through the same generated query and pool.
  const recorderMetrics = new UsageRecorderMetrics(new Registry());
  const recorder = new UsageRecorder(
    (events) => recordUsage.run({ events: JSON.stringify(events) }, db),
    { maxBatch: opts.recorderBatch, lingerMs: 0, concurrency: opts.recorderConcurrency, maxBuffered: 10_000, retryForMs: 0 },
    recorderMetrics,
    pino({ level: 'warn' }, process.stderr),
  );

  /** Builds a run's calls (not timed: events, JSON and rows are made before the run), then drives it. */
  const runOf = async (kind: Kind, events: number, recordRun = true): Promise<Run> => {
    const made = Array.from({ length: events }, () => makeEvent(population));
    if (kind === 'anchor') {
      const rows = made.map(anchorRow);
      return drive((i) => anchorPool.query({ name: 'bench_usage_anchor_insert', text: ANCHOR_INSERT, values: rows[i]! }), rows.length, opts.concurrency, recordRun);
    }
    if (kind === 'recorder') {
      const requests = made.map(asServiceEvent);
      return drive(
        async (i) => {
          const result = await recorder.record(requests[i]!);
          if (!result.recorded) throw new Error(`${measurements.recorder.label}: ${result.requestId} not recorded`);
          recorded++;
        },
        made.length,
        opts.concurrency,
        recordRun,
      );
    }
    const per = kind === 'single' ? 1 : opts.batchSize;
    const calls: string[] = [];
    const sizes: number[] = [];
    for (let start = 0; start < made.length; start += per) {
      const batch = made.slice(start, start + per);
      calls.push(JSON.stringify(batch));
      sizes.push(batch.length);
    }
    return drive((i) => record(calls[i]!, sizes[i]!, measurements[kind].label), calls.length, concurrencyOf(kind), recordRun);
  };
  const vacuum = async () => {
    if (opts.vacuum) await rootPool.query('vacuum (analyze)');
  };

  progress(`warm-up: ${opts.warmup} events of each measurement`);
  for (const kind of ['anchor', 'recorder', 'single', 'batch'] as const) await runOf(kind, Math.max(opts.warmup, kind === 'batch' ? opts.batchSize : 1), false);

  for (let round = 0; round < opts.rounds; round++) {
    await vacuum();
    const order: Kind[] = round % 2 === 0 ? ['anchor', 'recorder', 'single', 'batch'] : ['batch', 'single', 'recorder', 'anchor'];
    for (const kind of order) {
      checkInterrupted();
      progress(`round ${round + 1}/${opts.rounds}: ${measurements[kind].label}`);
      measurements[kind].runs.push(await runOf(kind, opts.count));
    }
  }

  const end = await ledger();
  if (Number(end.events) !== recorded || Number(end.lifetime) !== recorded || Number(end.daily) !== recorded) {
    throw new Error(`after the runs: ${recorded} events recorded but the tables hold ${JSON.stringify(end)}`);
  }
  const anchorEvents = (await rootPool.query<{ n: string }>(`select count(*) n from ${ANCHOR_TABLE}`)).rows[0]!.n;

  // ---- report
  const best = (kind: Kind) => median(measurements[kind].runs);
  const anchorRate = eventsPerSecond(measurements.anchor, best('anchor'));
  // (a) is the service's per-request path, the recorder; (a0), one call per event without it, is informative.
  const singleRatio = eventsPerSecond(measurements.recorder, best('recorder')) / anchorRate;
  const oneCallRatio = eventsPerSecond(measurements.single, best('single')) / anchorRate;
  const flushes = (await recorderMetrics.batchEvents.get()).values;
  const flushStat = (name: string) => flushes.find((v) => v.metricName === name)?.value ?? 0;
  const eventsPerFlush = flushStat('relaypg_usage_flush_events_sum') / Math.max(1, flushStat('relaypg_usage_flush_events_count'));
  const batchRatio = eventsPerSecond(measurements.batch, best('batch')) / anchorRate;
  const batchCalls = Math.ceil(opts.count / opts.batchSize);
  report.push(
    `bench:usage: ${opts.count} events per run; anchor, (a) and (a0) ${opts.concurrency} calls in flight, (b) ${batchCalls} calls of ${opts.batchSize} events, ` +
      `${opts.batchConcurrency} in flight; pool size ${opts.poolSize} (service pool as the runtime role, anchor pool as superuser); warm-up ${opts.warmup} events each; ` +
      `${opts.rounds} runs per measurement, order flipped every round; figures from the median run (by events/s); ` +
      (opts.vacuum ? 'VACUUM ANALYZE before each round' : 'no VACUUM (--no-vacuum)'),
    `events: ${opts.keys} keys (skewed), ${opts.accounts} accounts (${[...new Set(population.accounts.map((a) => a.kind))].join(', ')}), ` +
      '70% claude-sonnet-4-20250514, 15% claude-opus-4-1-20250805, 5% claude-opus-4-20250514, 10% claude-3-5-haiku-20241022; ' +
      'cache reads on 85% (Haiku 30%), cache writes on 60% (30% of them with a 5m/1h split), 90% streamed; every requestId unique',
    `anchor: INSERT of all ${ANCHOR_COLUMNS.length} supplied columns of relaypg.usage_events into ${ANCHOR_TABLE} (the same columns and defaults, no index, no check, not partitioned), named prepared statement`,
    sanity,
    `consistency at the end: ${end.events} events in relaypg.usage_events = lifetime ledger ${end.lifetime} = daily ledger ${end.daily} (= events reported recorded); anchor table ${anchorEvents} rows`,
    '',
    `${'measurement'.padEnd(34)} ${'events/s'.padStart(9)} ${'calls/s'.padStart(9)} ${'call p50'.padStart(9)} ${'call p99'.padStart(9)} ` +
      `${'ev p50'.padStart(8)} ${'ev p99'.padStart(8)} ${'cpu us/ev'.padStart(9)}   runs (events/s)`,
    '  (ms; ev p50/p99: the call percentiles divided by the events per call (amortised per event); every event of a batch waits for the whole call.',
    "   cpu us/ev: this Node process's CPU time per event in that run; PostgreSQL's time is not included)",
  );
  for (const kind of ['anchor', 'recorder', 'single', 'batch'] as const) {
    const m = measurements[kind];
    const r = best(kind);
    const per = m.eventsPerCall;
    report.push(
      `${m.label.padEnd(34)} ${fmtOps(eventsPerSecond(m, r)).padStart(9)} ${fmtOps(r.ops).padStart(9)} ${fmtMs(r.p50).padStart(9)} ${fmtMs(r.p99).padStart(9)} ` +
        `${fmtMs(r.p50 / per).padStart(8)} ${fmtMs(r.p99 / per).padStart(8)} ${(r.cpuUs / per).toFixed(1).padStart(9)}   ` +
        m.runs.map((x) => fmtOps(eventsPerSecond(m, x))).join(' '),
    );
  }
  const perRoundBatch = measurements.batch.runs.map((r, i) => ((r.ops * opts.batchSize) / measurements.anchor.runs[i]!.ops).toFixed(2)).join(' ');
  report.push(
    '',
    'goals (informative; the exit status does not depend on them):',
    `  (a) recorder / anchor events/s = ${singleRatio.toFixed(2)} (goal >= ${GOALS.singleRatio})  ${met(singleRatio >= GOALS.singleRatio)}   ` +
      `per round: ${ratiosPerRound(measurements.recorder.runs, measurements.anchor.runs)}; ` +
      `${eventsPerFlush.toFixed(1)} events per api.record_usage call on average (at most ${opts.recorderBatch}, ${opts.recorderConcurrency} calls in flight)`,
    `  (a0) one call per event / anchor = ${oneCallRatio.toFixed(2)} (informative: recording without the recorder)   ` +
      `per round: ${ratiosPerRound(measurements.single.runs, measurements.anchor.runs)}`,
    `  (b) batch / anchor events/s  = ${batchRatio.toFixed(2)} (goal >= ${GOALS.batchRatio})  ${met(batchRatio >= GOALS.batchRatio)}   per round: ${perRoundBatch}`,
  );
  return { singleRatio, batchRatio };
}

// ---------------------------------------------------------------- (c) statistics at scale

// One chunk of the history, generated in SQL: events $1..$2 of $6, evenly
// spread over [$3, $4] (epoch seconds); keys $7 (skewed as in makeEvent),
// accounts $8 with kinds $9; costs from the loaded prices (relaypg.price_key,
// the 1-hour write price CRS hard-codes), as api.record_usage's details path
// prices them (no [1m] model here, so no long context).
const STATS_INSERT = `
insert into relaypg.usage_events (
  request_id, occurred_at, recorded_at, api_key_id, account_id, account_kind, requested_model, model, input_tokens, output_tokens,
  cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens, cache_read_tokens, long_context, stream, status,
  duration_ms, cost_path, price_key, cost_input, cost_output, cost_cache_create, cost_cache_read, cost_total, opus_cost)
with prices as materialized (
  select m.i::int as i, m.model, relaypg.normalise_model(m.model) as normalised, k.price_key,
         coalesce(p.input_cost_per_token, 0) as ip, coalesce(p.output_cost_per_token, 0) as op,
         coalesce(p.cache_creation_input_token_cost, 0) as wp, relaypg.one_hour_cache_price(m.model) as hp,
         coalesce(p.cache_read_input_token_cost, 0) as rp
    from unnest($5::text[]) with ordinality m(model, i)
    cross join lateral (select relaypg.price_key(m.model) as price_key) k
    left join relaypg.model_prices p on p.model = k.price_key
)
-- Nested sub-selects, not CTEs: a CTE with random() is materialised, these stream.
select 'gen_' || c.g, c.occurred_at, c.occurred_at, c.api_key_id, c.account_id, c.account_kind, c.model, c.normalised,
       c.input_tokens, c.output_tokens, c.cache_create_tokens, c.cache_create_tokens - c.c1h, c.c1h, c.cache_read_tokens, false,
       c.stream, 200, c.duration_ms, case when c.stream then 'details' else 'plain' end, c.price_key,
       c.cost_input, c.cost_output, c.cost_cache_create, c.cost_cache_read,
       c.cost_input + c.cost_output + c.cost_cache_create + c.cost_cache_read,
       case when strpos(c.normalised, 'claude-opus') > 0 and c.account_kind in ('claude-official', 'claude-console', 'ccr')
            then c.cost_input + c.cost_output + c.cost_cache_create + c.cost_cache_read else 0 end
  from (
    select x.*, x.input_tokens * x.ip as cost_input, x.output_tokens * x.op as cost_output,
           (x.cache_create_tokens - x.c1h) * x.wp + x.c1h * x.hp as cost_cache_create, x.cache_read_tokens * x.rp as cost_cache_read
      from (
        select t.*, case when t.r_split < 0.3 then floor(t.cache_create_tokens * (t.r_split / 0.3))::bigint else 0 end as c1h
          from (
            select s.g, s.occurred_at, s.api_key_id, ($8::uuid[])[s.ai] as account_id, ($9::text[])[s.ai] as account_kind,
                   p.model, p.normalised, p.price_key, p.ip, p.op, p.wp, p.hp, p.rp,
                   1 + floor(power(s.r_in, 3) * case when s.mi = 4 then 3000 else 8000 end)::bigint as input_tokens,
                   1 + floor(power(s.r_out, 2) * case when s.mi in (2, 3) then 3000 when s.mi = 4 then 800 else 2500 end)::bigint as output_tokens,
                   case when s.r_read < case when s.mi = 4 then 0.3 else 0.85 end
                        then 2000 + floor(random() * 140000)::bigint else 0 end as cache_read_tokens,
                   case when s.r_write < 0.6 then floor(power(random(), 3) * 20000)::bigint else 0 end as cache_create_tokens,
                   s.r_split, s.stream, 300 + floor(s.r_out * 40000)::int as duration_ms
              from (
                select r.g, to_timestamp($3::float8 + ($4::float8 - $3::float8) * (r.g::float8 / $6::float8)) as occurred_at,
                       case when r.r_model < 0.7 then 1 when r.r_model < 0.85 then 2 when r.r_model < 0.9 then 3 else 4 end as mi,
                       ($7::uuid[])[1 + floor(cardinality($7::uuid[]) * power(r.r_key, 1.5))::int] as api_key_id,
                       1 + floor(r.r_account * cardinality($8::uuid[]))::int as ai,
                       r.r_in, r.r_out, r.r_read, r.r_write, r.r_split, r.r_stream < 0.9 as stream
                  from (
                    select g, random() as r_model, random() as r_key, random() as r_account, random() as r_in, random() as r_out,
                           random() as r_read, random() as r_write, random() as r_split, random() as r_stream
                      from generate_series($1::bigint, $2::bigint) g
                  ) r
              ) s
              join prices p on p.i = s.mi
          ) t
      ) x
  ) c`;

// The per-key ledger from the events, as api.record_usage would have written
// it ($1: the usage time zone, which cuts the days).
const STATS_LEDGER_LIFETIME = `
insert into relaypg.api_key_usage (
  api_key_id, requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens,
  cache_read_tokens, long_context_requests, long_context_input_tokens, long_context_output_tokens, cost, opus_cost,
  first_used_at, last_used_at)
select e.api_key_id, count(*), sum(e.input_tokens), sum(e.output_tokens), sum(e.cache_create_tokens), sum(e.cache_create_5m_tokens),
       sum(e.cache_create_1h_tokens), sum(e.cache_read_tokens), count(*) filter (where e.long_context),
       coalesce(sum(e.input_tokens) filter (where e.long_context), 0), coalesce(sum(e.output_tokens) filter (where e.long_context), 0),
       sum(e.cost_total), sum(e.opus_cost), min(e.occurred_at), max(e.occurred_at)
  from relaypg.usage_events e
 group by e.api_key_id`;
const STATS_LEDGER_DAILY = `
insert into relaypg.api_key_daily_usage (
  api_key_id, day, requests, input_tokens, output_tokens, cache_create_tokens, cache_create_5m_tokens, cache_create_1h_tokens,
  cache_read_tokens, long_context_requests, cost, opus_cost)
select e.api_key_id, (e.occurred_at at time zone $1::text)::date, count(*), sum(e.input_tokens), sum(e.output_tokens),
       sum(e.cache_create_tokens), sum(e.cache_create_5m_tokens), sum(e.cache_create_1h_tokens), sum(e.cache_read_tokens),
       count(*) filter (where e.long_context), sum(e.cost_total), sum(e.opus_cost)
  from relaypg.usage_events e
 group by 1, 2`;

const fmtBytes = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(2)} GB` : `${(bytes / 1e6).toFixed(0)} MB`);

async function statsPhase(
  report: string[],
  db: Queryable,
  rootPool: pg.Pool,
  ownerPool: pg.Pool,
  population: Population,
): Promise<{ keyP99: number; dashboardP99: number }> {
  const n = opts.statsEvents;
  const steps: string[] = [];
  const timed = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    checkInterrupted();
    progress(`${what} ...`);
    const started = Date.now();
    const result = await run();
    const ms = Date.now() - started;
    steps.push(`${what} ${fmtDuration(ms)}`);
    progress(`${what}: ${fmtDuration(ms)}`);
    return result;
  };

  // Disk: about 550 bytes per event (heap, four indexes, rollups) plus WAL on the way.
  const needBytes = n * 700;
  try {
    const dataDirectory = (await rootPool.query<{ setting: string }>("select setting from pg_settings where name = 'data_directory'")).rows[0]!.setting;
    const fs = await statfs(dataDirectory);
    const free = fs.bavail * fs.bsize;
    progress(`disk: ${fmtBytes(free)} free under ${dataDirectory}; ${n} events need about ${fmtBytes(needBytes)}`);
    if (free < needBytes * 1.5) throw new Error(`not enough disk for ${n} events: ${fmtBytes(free)} free, about ${fmtBytes(needBytes)} needed (--stats-events to lower)`);
  } catch (error) {
    if ((error as Error).message.startsWith('not enough disk')) throw error;
    progress(`disk: could not check the free space of PostgreSQL's data directory (${(error as Error).message}); going on`);
  }

  const started = Date.now();
  const owner = await ownerPool.connect();
  try {
    const zone = (await owner.query<{ zone: string }>('select relaypg.usage_time_zone() as zone')).rows[0]!.zone;
    await timed('partitions (api.maintain_partitions(now(), now() - 90 days))', () =>
      owner.query(`select api.maintain_partitions(now(), now() - interval '${STATS_DAYS} days')`),
    );

    const endSeconds = Date.now() / 1000;
    const startSeconds = endSeconds - STATS_DAYS * 86_400;
    const rollUp = () => owner.query<{ ran: boolean; events: string }>('select ran, events from api.roll_up_usage()');
    let rolled = 0;
    let rollMs = 0;
    let insertMs = 0;
    for (let lo = 1; lo <= n; lo += opts.statsChunk) {
      checkInterrupted();
      const hi = Math.min(n, lo + opts.statsChunk - 1);
      let t = Date.now();
      await owner.query(STATS_INSERT, [
        lo, hi, startSeconds, endSeconds, MODELS, n, population.keys, population.accounts.map((a) => a.id), population.accounts.map((a) => a.kind),
      ]);
      insertMs += Date.now() - t;
      // A new transaction after the insert committed: its events are below the snapshot's xmin
      // (unless another transaction of the cluster, older than the insert, is still open: caught up below).
      t = Date.now();
      rolled += Number((await rollUp()).rows[0]!.events);
      rollMs += Date.now() - t;
      progress(`history: ${hi} of ${n} events (${fmtDuration(Date.now() - started)} so far; ${rolled} rolled up)`);
    }
    steps.push(`events generated ${fmtDuration(insertMs)} (${fmtOps(n / (insertMs / 1000))} events/s)`);
    const counts = async () =>
      (
        await owner.query<{ events: string; rolled: string }>(
          `select (select count(*) from relaypg.usage_events) as events,
                  (select coalesce(sum(requests), 0) from relaypg.usage_rollups_monthly where scope = 'all') as rolled`,
        )
      ).rows[0]!;
    const catchUp = async (what: string) => {
      for (let attempt = 0; ; attempt++) {
        const c = await counts();
        if (Number(c.rolled) === Number(c.events)) return Number(c.events);
        if (attempt >= 120) throw new Error(`${what}: the rollups hold ${c.rolled} of ${c.events} events after 2 minutes (an old transaction open elsewhere in the cluster holds the watermark back)`);
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1_000));
        const t = Date.now();
        await rollUp();
        rollMs += Date.now() - t;
      }
    };
    await catchUp('rolling up the history');
    steps.push(`rollups (api.roll_up_usage after each chunk) ${fmtDuration(rollMs)}`);
    await timed('lifetime ledger from the events', () => owner.query(STATS_LEDGER_LIFETIME));
    await timed('daily ledger from the events', () => owner.query(STATS_LEDGER_DAILY, [zone]));
  } finally {
    owner.release();
  }
  await timed('VACUUM ANALYZE', () => rootPool.query('vacuum (analyze)'));

  // The history ends where the generation started: record the traffic since
  // then at the history's rate through api.record_usage (ledger included), so
  // that "the last 5 minutes" and "today" hold what they would in service.
  const topUpStart = Date.now();
  const ratePerMs = n / (STATS_DAYS * 86_400_000);
  const gapMs = topUpStart - started;
  const topUp = Math.round(gapMs * ratePerMs);
  await timed(`recording the ${topUp} events since the history ended (api.record_usage)`, async () => {
    const events = Array.from({ length: topUp }, (_, i) => makeEvent(population, new Date(started + ((i + 1) / topUp) * gapMs)));
    for (let start = 0; start < events.length; start += MAX_BATCH) {
      const rows = await recordUsage.run({ events: JSON.stringify(events.slice(start, start + MAX_BATCH)) }, db);
      if (rows.some((row) => !row.recorded)) throw new Error('top-up: an event was not recorded');
    }
  });
  const owner2 = await ownerPool.connect();
  let total: number;
  let sizes: { events: string; rollups: string; hourly: string; daily: string; ledger: string };
  try {
    const rollUp = () => owner2.query('select api.roll_up_usage()');
    for (let attempt = 0; ; attempt++) {
      await rollUp();
      const c = (
        await owner2.query<{ events: string; rolled: string; lifetime: string; daily: string }>(
          `select (select count(*) from relaypg.usage_events) as events,
                  (select coalesce(sum(requests), 0) from relaypg.usage_rollups_monthly where scope = 'all') as rolled,
                  (select coalesce(sum(requests), 0) from relaypg.api_key_usage) as lifetime,
                  (select coalesce(sum(requests), 0) from relaypg.api_key_daily_usage) as daily`,
        )
      ).rows[0]!;
      if (Number(c.rolled) === Number(c.events)) {
        if (Number(c.lifetime) !== Number(c.events) || Number(c.daily) !== Number(c.events)) throw new Error(`the ledger does not match the events: ${JSON.stringify(c)}`);
        total = Number(c.events);
        break;
      }
      if (attempt >= 120) throw new Error(`the rollups hold ${c.rolled} of ${c.events} events after 2 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    sizes = (
      await owner2.query<typeof sizes>(
        `select (select count(*) from relaypg.usage_rollups_hourly)::text || ' hourly, ' || (select count(*) from relaypg.usage_rollups_daily)::text
                  || ' daily, ' || (select count(*) from relaypg.usage_rollups_monthly)::text || ' monthly rows' as rollups,
                (select sum(pg_total_relation_size(c.oid)) from pg_inherits i join pg_class c on c.oid = i.inhrelid
                  where i.inhparent = 'relaypg.usage_events'::regclass)::text as events,
                (select sum(pg_total_relation_size(c.oid)) from pg_inherits i join pg_class c on c.oid = i.inhrelid
                  where i.inhparent = 'relaypg.usage_rollups_hourly'::regclass)::text as hourly,
                (select sum(pg_total_relation_size(c.oid)) from pg_inherits i join pg_class c on c.oid = i.inhrelid
                  where i.inhparent = 'relaypg.usage_rollups_daily'::regclass)::text as daily,
                (pg_total_relation_size('relaypg.api_key_daily_usage') + pg_total_relation_size('relaypg.api_key_usage'))::text as ledger`,
      )
    ).rows[0]!;
    const defaults = await owner2.query<{ table_name: string; default_rows: string }>('select table_name, default_rows from api.list_partition_policies() where default_rows > 0');
    if (defaults.rows.length > 0) throw new Error(`rows in default partitions: ${JSON.stringify(defaults.rows)}`);
  } finally {
    owner2.release();
  }
  const setupMs = Date.now() - started;

  // ---- the measured calls (the service's runtime role, generated queries)
  const { today, first } = (
    await rootPool.query<{ today: string; first: string }>(
      `select to_char(d, 'YYYY-MM-DD') as today, to_char(d - 29, 'YYYY-MM-DD') as first
         from (select (now() at time zone (select time_zone from relaypg.usage_settings))::date as d) x`,
    )
  ).rows[0]!;
  const randomKey = () => population.keys[Math.floor(Math.random() * population.keys.length)]!;
  const keyStats = (key: string) =>
    Promise.all([
      usageByModel.run({ scope: 'key', scopeId: key, grain: 'day', from: first, to: today }, db),
      keyUsage.run({ keyId: key, at: new Date() }, db),
    ]);
  const dashboard = () =>
    Promise.all([
      usageTotals.run({ scope: 'all', scopeId: '', at: new Date() }, db),
      usageByModel.run({ scope: 'all', scopeId: '', grain: 'day', from: today, to: today }, db),
      recentUsage.run({ minutes: 5, at: new Date() }, db),
    ]);

  // Sanity: the busiest key has 30 days of figures, and its ledger agrees with the rollups.
  const busiest = population.keys[0]!;
  const [byModel, ledger] = await keyStats(busiest);
  const days = new Set(byModel.map((row) => row.bucket.toISOString())).size;
  const keyTotals = await usageTotals.run({ scope: 'key', scopeId: busiest, at: new Date() }, db);
  const ledgerTotal = ledger.find((row) => row.period === 'total')!;
  const rollupTotal = keyTotals.find((row) => row.period === 'total')!;
  if (days !== 30 || ledgerTotal.requests !== rollupTotal.requests || ledgerTotal.cost !== rollupTotal.cost) {
    throw new Error(`stats sanity: ${days} days of by-model rows (expected 30); ledger total ${ledgerTotal.requests} requests / ${ledgerTotal.cost} USD, rollups ${rollupTotal.requests} / ${rollupTotal.cost}`);
  }
  const [totals, todayByModel, recent] = await dashboard();
  const todayTotal = totals.find((row) => row.period === 'today')!;
  if (Number(todayTotal.requests) === 0 || todayByModel.length === 0 || Number(recent[0]!.requests) === 0) {
    throw new Error(`stats sanity: the dashboard is empty (today ${todayTotal.requests} requests, ${todayByModel.length} models, last 5 min ${recent[0]!.requests} requests)`);
  }

  const keyCall = () => keyStats(randomKey());
  const runs = { key: [] as Run[], dashboard: [] as Run[] };
  progress(`statistics: warm-up, then ${opts.rounds} runs of ${opts.statsCount} calls each, ${opts.concurrency} in flight`);
  await drive(keyCall, Math.min(500, opts.statsCount), opts.concurrency, false);
  await drive(dashboard, Math.min(500, opts.statsCount), opts.concurrency, false);
  for (let round = 0; round < opts.rounds; round++) {
    checkInterrupted();
    const order = round % 2 === 0 ? (['key', 'dashboard'] as const) : (['dashboard', 'key'] as const);
    for (const which of order) {
      progress(`statistics round ${round + 1}/${opts.rounds}: ${which}`);
      runs[which].push(await drive(which === 'key' ? keyCall : dashboard, opts.statsCount, opts.concurrency));
    }
  }
  progress('statistics with 1 call in flight');
  const keySingle = await drive(keyCall, opts.statsCount, 1);
  const dashboardSingle = await drive(dashboard, opts.statsCount, 1);

  const key = median(runs.key);
  const dash = median(runs.dashboard);
  const row = (label: string, r: Run, note: string) =>
    `${label.padEnd(44)} ${fmtOps(r.ops).padStart(9)} ${fmtMs(r.p50).padStart(9)} ${fmtMs(r.p99).padStart(9)} ${r.cpuUs.toFixed(1).padStart(10)}   ${note}`;
  report.push(
    '',
    `(c) statistics: ${total} events over ${STATS_DAYS} days ending now (${n} generated in SQL in chunks of ${opts.statsChunk}, ` +
      `the rest recorded through api.record_usage since), ${opts.keys} keys, ${opts.accounts} accounts, ${MODELS.length} models; set up in ${fmtDuration(setupMs)}`,
    `  steps: ${steps.join('; ')}`,
    `  sizes: usage_events ${fmtBytes(Number(sizes.events))} (with indexes), hourly rollups ${fmtBytes(Number(sizes.hourly))}, daily rollups ${fmtBytes(Number(sizes.daily))}, ` +
      `ledger ${fmtBytes(Number(sizes.ledger))}; ${sizes.rollups}`,
    `  sanity: busiest key: 30 days of by-model figures, ledger total = rollup total (${ledgerTotal.requests} requests, ${ledgerTotal.cost} USD); ` +
      `dashboard: today ${todayTotal.requests} requests, ${todayByModel.length} models, last 5 min ${recent[0]!.requests} requests`,
    `  key: api.usage_by_model('key', id, 'day', ${first}, ${today}) and api.key_usage(id, now()) of a random key, in parallel; ` +
      `dashboard: api.usage_totals('all', '', now()), api.usage_by_model('all', '', 'day', ${today}, ${today}), api.recent_usage(5, now()), in parallel`,
    '',
    `${'measurement'.padEnd(44)} ${'calls/s'.padStart(9)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'cpu us/op'.padStart(10)}   runs (calls/s)`,
    row(`key 30-day statistics (${opts.concurrency} in flight)`, key, runs.key.map((r) => fmtOps(r.ops)).join(' ')),
    row('  (same, 1 in flight)', keySingle, 'one run, informative'),
    row(`dashboard (${opts.concurrency} in flight)`, dash, runs.dashboard.map((r) => fmtOps(r.ops)).join(' ')),
    row('  (same, 1 in flight)', dashboardSingle, 'one run, informative'),
    '',
    'goals (informative):',
    `  key statistics p99 = ${fmtMs(key.p99)} ms (goal < ${GOALS.keyP99Ms} ms)  ${met(key.p99 < GOALS.keyP99Ms)}   ` +
      `(${opts.concurrency} in flight on ${opts.poolSize} connections: the mean latency is ${opts.concurrency}/throughput = ${fmtMs((opts.concurrency / key.ops) * 1e3)} ms; ` +
      `1 in flight: p99 ${fmtMs(keySingle.p99)} ms)`,
    `  dashboard p99      = ${fmtMs(dash.p99)} ms (goal < ${GOALS.dashboardP99Ms} ms)  ${met(dash.p99 < GOALS.dashboardP99Ms)}   ` +
      `(mean ${fmtMs((opts.concurrency / dash.ops) * 1e3)} ms; 1 in flight: p99 ${fmtMs(dashboardSingle.p99)} ms)`,
  );
  return { keyP99: key.p99, dashboardP99: dash.p99 };
}

// ---------------------------------------------------------------- main

const resources: Resources = { apps: [] };
process.exit(
  await runBench('bench:usage', resources, async (report) => {
    const loadAtStart = loadavg()[0]!;
    progress('creating and migrating a database');
    await createBenchDatabase(resources, 'relaypg_bench_usage');
    const name = resources.databaseName!;
    const population = makePopulation();

    // `db` is the service's side: the runtime role, the generated queries on preparedConnection.
    let recording: { singleRatio: number; batchRatio: number } | undefined;
    if (runRecording) {
      const db = preparedConnection(benchPool(resources, appUrlFor(name), opts.poolSize, 'relaypg-bench-usage'));
      const rootPool = benchPool(resources, rootUrlFor(name), 2, 'relaypg-bench-usage-root');
      await rootPool.query(ANCHOR_CREATE);
      const anchorPool = benchPool(resources, rootUrlFor(name), opts.poolSize, 'relaypg-bench-usage-anchor');
      recording = await recordingPhase(report, db, rootPool, anchorPool, population);
    }
    let stats: { keyP99: number; dashboardP99: number } | undefined;
    if (runStats) {
      if (runRecording) {
        // The history gets a database of its own: none of the recording runs' events in it.
        const problems = await cleanup(resources);
        if (problems.length > 0) throw new Error(`dropping the recording database: ${problems.join('; ')}`);
        resources.pools = [];
        progress('creating and migrating a database for the statistics');
        await createBenchDatabase(resources, 'relaypg_bench_usage');
      }
      const statsName = resources.databaseName!;
      const db = preparedConnection(benchPool(resources, appUrlFor(statsName), opts.poolSize, 'relaypg-bench-usage'));
      const rootPool = benchPool(resources, rootUrlFor(statsName), 2, 'relaypg-bench-usage-root');
      // The owner generates the history (the tables are its own).
      const ownerPool = benchPool(resources, ownerUrlFor(statsName), 1, 'relaypg-bench-usage-owner');
      stats = await statsPhase(report, db, rootPool, ownerPool, population);
    }
    // Other work on the machine shows here (the runs share its cores).
    report.push(
      '',
      `machine: ${availableParallelism()} cores; 1-minute load average ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end ` +
        '(the bench itself adds to it; compare runs)',
    );
    if (stats) report.push(`stats: key_p99_ms=${stats.keyP99.toFixed(2)} dashboard_p99_ms=${stats.dashboardP99.toFixed(2)}`);
    if (opts.keepDatabase) {
      const kept = resources.databaseName!;
      progress(`keeping database ${kept} (drop it with: drop database ${kept} with (force))`);
      resources.databaseName = undefined;
    }
    if (recording) report.push(`usage: single_ratio=${recording.singleRatio.toFixed(2)} batch_ratio=${recording.batchRatio.toFixed(2)}`);
  }),
);
