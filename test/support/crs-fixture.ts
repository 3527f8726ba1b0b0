// The CRS Redis fixture (shared/fixtures/crs-2025-09/), read in place from
// testEnv.crsFixtureDir and never copied into the repository, plus a loader
// that fills the scratch Redis database with it for the importer tests.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { Redis } from 'ioredis';
import { testEnv } from './env.js';

const REDIS_DUMP = 'crs-redis.jsonl';
const EXPECTED = 'expected.json';
const PIPELINE_SIZE = 1000;

/** Whether the fixture directory and the two files the importer tests read are present. */
export function fixturePresent(): boolean {
  return [REDIS_DUMP, EXPECTED].every((file) => existsSync(path.join(testEnv.crsFixtureDir, file)));
}

export function fixturePath(file: string): string {
  return path.join(testEnv.crsFixtureDir, file);
}

/** One line of crs-redis.jsonl. */
export type FixtureRecord =
  | { key: string; type: 'hash'; ttl: number; value: Record<string, string> }
  | { key: string; type: 'string'; ttl: number; value: string }
  | { key: string; type: 'set'; ttl: number; value: string[] };

export interface CrsValidation {
  valid: boolean;
  error: string | null;
}

export interface ExpectedApiKey {
  label: string;
  name: string;
  plainKey: string;
  createdAt: string;
  options: Record<string, unknown>;
  previousPlainKey?: string;
  regeneratedAt?: string;
  permanentlyDeleted?: boolean;
}

export interface ExpectedPerKey {
  label: string;
  validateApiKeyForStats: CrsValidation;
  validatePreviousPlainKey?: CrsValidation | null;
}

/** The part of expected.json the importer tests use (apiKeys, users, per-key validations). */
export interface Expected {
  encryptionKey: string;
  apiKeyPrefix: string;
  snapshotAt: string;
  users: Record<string, { username: string; sessionToken?: string }>;
  apiKeys: Record<string, ExpectedApiKey>;
  crsReports: { perKey: Record<string, ExpectedPerKey> };
}

let expectedCache: Expected | undefined;
let recordsCache: FixtureRecord[] | undefined;

export function readExpected(): Expected {
  expectedCache ??= JSON.parse(readFileSync(fixturePath(EXPECTED), 'utf8')) as Expected;
  return expectedCache;
}

/** Every key of the dump, in file order (sorted by key name). */
export function readFixtureRecords(): FixtureRecord[] {
  recordsCache ??= readFileSync(fixturePath(REDIS_DUMP), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FixtureRecord);
  return recordsCache;
}

/** testEnv.redisUrl with its database path replaced by a scratch database (default testEnv.scratchRedisDb). */
export function scratchRedisUrl(db: number = testEnv.scratchRedisDb): string {
  const url = new URL(testEnv.redisUrl);
  url.pathname = `/${db}`;
  return url.toString();
}

/**
 * A client on a scratch Redis database (default testEnv.scratchRedisDb; test
 * files that run in parallel each take their own). The db is put in the URL
 * as well: ioredis 6 lets a URL's /N path win over the `db` option, so
 * `new Redis('redis://host:6379/0', { db: 15 })` is on db 0.
 */
export function openScratchRedis(db: number = testEnv.scratchRedisDb): Redis {
  return new Redis(scratchRedisUrl(db), { db, maxRetriesPerRequest: 1 });
}

/**
 * Refuses to go on unless `redis` is connected to a scratch database: its
 * configured db and the db the server reports for this connection must both
 * be the one it was opened on, an integer >= 1 that is not the database the
 * service under test uses (testEnv.redisUrl).
 */
export async function assertScratchDatabase(redis: Redis): Promise<void> {
  const scratch = redis.options.db ?? 0;
  if (!Number.isInteger(scratch) || scratch < 1) {
    throw new Error(`refusing to use Redis db ${String(scratch)} as a scratch database (it must be an integer >= 1)`);
  }
  const serviceDb = Number(new URL(testEnv.redisUrl).pathname.replace(/^\//, '') || '0');
  if (scratch === serviceDb) {
    throw new Error(`refusing to use Redis db ${scratch} as a scratch database: it is the service's database (${testEnv.redisUrl})`);
  }
  const info = String(await redis.client('INFO'));
  const actual = /(?:^|\s)db=(\d+)(?:\s|$)/.exec(info)?.[1];
  if (actual === undefined || Number(actual) !== scratch) {
    throw new Error(`refusing to flush: the connection is on Redis db ${actual ?? '?'}, not the scratch db ${scratch}`);
  }
}

/** FLUSHDB on the scratch database, after the guard above. */
export async function flushScratch(redis: Redis): Promise<void> {
  await assertScratchDatabase(redis);
  await redis.flushdb();
}

export interface LoadCounts {
  total: number;
  hash: number;
  string: number;
  set: number;
  /** Keys given an expiry (ttl > 0 in the dump). */
  withTtl: number;
}

/**
 * Empties the scratch Redis database and loads crs-redis.jsonl into it with
 * pipelines of ~1000 keys: HSET / SET / SADD, then EXPIRE when ttl > 0.
 */
export async function loadFixtureIntoRedis(redis: Redis): Promise<LoadCounts> {
  await flushScratch(redis);
  const records = readFixtureRecords();
  const counts: LoadCounts = { total: 0, hash: 0, string: 0, set: 0, withTtl: 0 };
  for (let i = 0; i < records.length; i += PIPELINE_SIZE) {
    const pipeline = redis.pipeline();
    for (const record of records.slice(i, i + PIPELINE_SIZE)) {
      switch (record.type) {
        case 'hash':
          if (Object.keys(record.value).length === 0) throw new Error(`${record.key}: an empty hash cannot exist in Redis`);
          pipeline.hset(record.key, record.value);
          break;
        case 'string':
          pipeline.set(record.key, record.value);
          break;
        case 'set':
          if (record.value.length === 0) throw new Error(`${record.key}: an empty set cannot exist in Redis`);
          pipeline.sadd(record.key, ...record.value);
          break;
        default:
          throw new Error(`${(record as { key: string }).key}: unsupported type ${(record as { type: string }).type}`);
      }
      counts[record.type] += 1;
      counts.total += 1;
      if (record.ttl > 0) {
        pipeline.expire(record.key, record.ttl);
        counts.withTtl += 1;
      }
    }
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error !== null);
    if (failed) throw failed[0];
  }
  return counts;
}

// ---------------------------------------------------------------------------
// requests.jsonl and CRS's usage reports (expected.json crsReports), for the
// usage tests.
// ---------------------------------------------------------------------------

/** A request CRS recorded (outcome 'recorded'), as requests.jsonl has it. */
export interface RecordedRequest {
  seq: number;
  at: string;
  keyId: string;
  outcome: 'recorded';
  accountId: string;
  accountType: string;
  recordPath: 'recordUsageWithDetails' | 'recordUsage';
  recordModel: string;
  stream: boolean | null;
  usage: {
    input_tokens?: number;
    output_tokens?: number;
    cache_creation_input_tokens?: number;
    cache_read_input_tokens?: number;
    cache_creation?: { ephemeral_5m_input_tokens?: number; ephemeral_1h_input_tokens?: number };
  };
  longContext: boolean;
  cost: number;
}

/** Every recorded request of requests.jsonl, in file order. */
export async function readRecordedRequests(): Promise<RecordedRequest[]> {
  const recorded: RecordedRequest[] = [];
  for await (const text of readline.createInterface({ input: createReadStream(fixturePath('requests.jsonl')), crlfDelay: Infinity })) {
    const line = JSON.parse(text) as { outcome: string };
    if (line.outcome === 'recorded') recorded.push(line as RecordedRequest);
  }
  return recorded;
}

/** The figures of a period that CRS and relaypg both report. */
export interface CrsFigures {
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cacheCreateTokens: number;
  cacheReadTokens: number;
  allTokens: number;
}

/** relaypg's figures of a period (decimal strings) in CRS's shape. */
export function asCrsFigures(f: { requests: string; inputTokens: string; outputTokens: string; cacheCreateTokens: string; cacheReadTokens: string; allTokens: string }): CrsFigures {
  return {
    requests: Number(f.requests),
    inputTokens: Number(f.inputTokens),
    outputTokens: Number(f.outputTokens),
    cacheCreateTokens: Number(f.cacheCreateTokens),
    cacheReadTokens: Number(f.cacheReadTokens),
    allTokens: Number(f.allTokens),
  };
}

/** A CRS report's period without what relaypg does not report alike (CRS's 'tokens' naming, recomputed costs). */
export function crsFiguresOf(f: CrsFigures): CrsFigures {
  return {
    requests: f.requests,
    inputTokens: f.inputTokens,
    outputTokens: f.outputTokens,
    cacheCreateTokens: f.cacheCreateTokens,
    cacheReadTokens: f.cacheReadTokens,
    allTokens: f.allTokens,
  };
}

export interface CrsAverages {
  rpm: number;
  tpm: number;
  dailyRequests: number;
  dailyTokens: number;
}

/** The parts of expected.json crsReports the usage tests compare with. */
export interface CrsUsageReports {
  perKey: Record<
    string,
    {
      label: string;
      getUsageStats: Record<'total' | 'daily' | 'monthly', CrsFigures> & { averages: CrsAverages };
      getCostStats: { daily: number; total: number };
      getWeeklyOpusCost: number;
    }
  >;
  perAccount: Record<string, { label: string; type: string; getAccountUsageStats: Record<'total' | 'daily' | 'monthly', CrsFigures> & { averages: CrsAverages } }>;
  system: {
    getTodayStats: { requestsToday: number; tokensToday: number; inputTokensToday: number; outputTokensToday: number; cacheCreateTokensToday: number; cacheReadTokensToday: number };
    getSystemAverages: { systemRPM: number; systemTPM: number; totalInputTokens: number; totalOutputTokens: number };
  };
  admin: { dashboard: { data: { overview: { totalApiKeys: number; activeApiKeys: number } } } };
}

export function readCrsUsageReports(): CrsUsageReports {
  return (readExpected() as unknown as { crsReports: CrsUsageReports }).crsReports;
}
